package main

import (
	"bytes"
	"flag"
	"path/filepath"
	"testing"

	"github.com/rapportkit/rapport/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestGolden(t *testing.T) {
	var out bytes.Buffer
	run(&out)
	golden.Check(t, filepath.Join("testdata", "espresso.golden"), out.String(), *update)
}
