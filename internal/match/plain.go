package match

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Most letters of European scripts are already in NFKC and fold to one
// rune. For them the tokenizer skips the normaliser and looks their case
// and folded forms up in a table built once from x/text, which makes
// tokenising (and compiling phrase data) several times faster.

// The table covers U+00C0 to U+052F (Latin-1 to Cyrillic Supplement) and
// Latin Extended Additional, U+1E00 to U+1EFF (Vietnamese).
const (
	plainMax          = 0x530
	extraLo, extraHi  = 0x1e00, 0x1f00
	plainTableEntries = plainMax + extraHi - extraLo
)

type plainInfo struct {
	folded     rune // case-folded, accents of Latin letters removed
	foldedKeep rune // case-folded, accents kept
	upper      bool
	lower      bool
}

var plainTable = func() (t [plainTableEntries]plainInfo) {
	var buf [16]byte
	for r := rune(0xc0); r < extraHi; r++ {
		if r == plainMax {
			r = extraLo
		}
		if !unicode.IsLetter(r) || !norm.NFKC.IsNormalString(string(r)) {
			continue
		}
		n, _, err := fold.Transform(buf[:], []byte(string(r)), true)
		f, size := utf8.DecodeRune(buf[:n])
		if err != nil || size != n {
			continue // folds to several runes (ß → ss): the slow path
		}
		info := plainInfo{folded: f, foldedKeep: f, upper: unicode.IsUpper(r) || unicode.IsTitle(r), lower: unicode.IsLower(r)}
		if b, ok := latinBase(f); ok {
			info.folded = b
		}
		t[plainIndex(r)] = info
	}
	return t
}()

// plainIndex returns the index of r in plainTable, or -1.
func plainIndex(r rune) int {
	switch {
	case r < plainMax:
		return int(r)
	case extraLo <= r && r < extraHi:
		return int(plainMax + r - extraLo)
	}
	return -1
}

// plainLetter reports whether r is a letter the table covers.
func plainLetter(r rune) bool {
	i := plainIndex(r)
	return i >= 0 && plainTable[i].folded != 0
}

// plain reports whether r needs no normalisation on its own.
func plain(r rune) bool { return plainLetter(r) || plainUnspaced(r) }
