// Package golden compares the output of tests with golden files, which the
// tests of several packages keep under their testdata.
package golden

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Check compares got with the file at path. With update (a test binary's
// -update flag) it first writes got to the file, so that the comparison
// passes and the new file can be reviewed in the diff.
func Check(tb testing.TB, path, got string, update bool) {
	tb.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		tb.Errorf("%s differs (-want +got); run with -update if the change is right:\n%s", path, d)
	}
}
