package greeting

import (
	"testing"
	"unicode"
)

// TestScriptOfRune checks the ranges scriptOfRune answers without the
// Unicode tables against the tables, for every letter of the BMP.
func TestScriptOfRune(t *testing.T) {
	for r := rune(0x80); r < 0x10000; r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		want := script(0)
		for _, st := range scriptTables {
			if unicode.Is(st.t, r) {
				want = st.s
				break
			}
		}
		if r == 0x30fc {
			want = scriptKana
		}
		if got := scriptOfRune(r); got != want {
			t.Errorf("scriptOfRune(%U) = %b, want %b", r, got, want)
		}
	}
}
