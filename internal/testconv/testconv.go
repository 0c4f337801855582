// Package testconv loads the conversations the tests and benchmarks of
// several packages share, from the JSON files in the repository's testdata.
package testconv

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/rapportkit/rapport"
)

// Load reads testdata/<name>.json at the repository's root: "espresso" (the
// seed story) or "ten-turns" (a support chat of five messages and five
// replies).
func Load(tb testing.TB, name string) rapport.Conversation {
	tb.Helper()
	_, file, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(file), "..", "..", "testdata", name+".json")
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var c rapport.Conversation
	if err := json.Unmarshal(b, &c); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return c
}
