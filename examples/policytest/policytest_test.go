package main

import (
	"bytes"
	"flag"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rapportkit/rapport/ethics/ethicstest"
	"github.com/rapportkit/rapport/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden file")

// TestPolicy runs the tests written in shop.policy, and fails on rules that
// no test reaches.
func TestPolicy(t *testing.T) { ethicstest.Run(t, policy) }

// TestTemplates checks every template: each must pass the policy.
func TestTemplates(t *testing.T) {
	for name, tmpl := range templates {
		t.Run(name, func(t *testing.T) {
			d, err := check(tmpl)
			if err != nil {
				t.Fatal(err)
			}
			var fired []string
			for _, f := range d.Findings {
				fired = append(fired, f.Rule+": "+f.Message)
			}
			if d := cmp.Diff([]string(nil), fired); d != "" {
				t.Errorf("template %s breaks the policy (-want +got):\n%s", name, d)
			}
		})
	}
}

func TestGolden(t *testing.T) {
	var out bytes.Buffer
	run(&out)
	golden.Check(t, "testdata/policytest.golden", out.String(), *update)
}
