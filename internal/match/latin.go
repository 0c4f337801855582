package match

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Latin letters with diacritics fold to their base letter, so "perché"
// matches "perche" and "café" matches "cafe". Other scripts keep their marks:
// in Cyrillic, Devanagari or kana they make different letters (й is not и).
const (
	latinLo, latinHi = 0x00c0, 0x0250 // Latin-1 Supplement, Extended-A and -B
	extLo, extHi     = 0x1e00, 0x1f00 // Latin Extended Additional (Vietnamese)
)

var latinBases = func() (t [latinHi - latinLo + extHi - extLo]rune) {
	fill := func(lo, hi rune, off int) {
		var buf [16]byte
		for r := lo; r < hi; r++ {
			d := norm.NFD.AppendString(buf[:0], string(r))
			base, n := utf8.DecodeRune(d)
			if n == len(d) || base >= utf8.RuneSelf {
				continue // no decomposition, or not onto an ASCII letter
			}
			marks := true
			for _, m := range string(d[n:]) {
				marks = marks && unicode.Is(unicode.Mn, m)
			}
			if marks {
				t[off+int(r-lo)] = base
			}
		}
	}
	fill(latinLo, latinHi, 0)
	fill(extLo, extHi, latinHi-latinLo)
	return t
}()

// latinBase returns the base letter of a Latin letter with diacritics.
func latinBase(r rune) (rune, bool) {
	var b rune
	switch {
	case latinLo <= r && r < latinHi:
		b = latinBases[r-latinLo]
	case extLo <= r && r < extHi:
		b = latinBases[latinHi-latinLo+r-extLo]
	}
	return b, b != 0
}
