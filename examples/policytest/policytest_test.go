package main

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rapportkit/rapport/ethics/ethicstest"
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
	if *update {
		os.WriteFile("testdata/policytest.golden", out.Bytes(), 0o644)
	}
	want, err := os.ReadFile("testdata/policytest.golden")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), out.String()); d != "" {
		t.Errorf("output (-want +got):\n%s", d)
	}
}
