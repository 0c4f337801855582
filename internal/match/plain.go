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

const plainMax = 0x530 // through Cyrillic Supplement

type plainInfo struct {
	folded     rune // case-folded, accents of Latin letters removed
	foldedKeep rune // case-folded, accents kept
	upper      bool
	lower      bool
}

var plainTable = func() (t [plainMax]plainInfo) {
	var buf [16]byte
	for r := rune(0xc0); r < plainMax; r++ {
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
		t[r] = info
	}
	return t
}()

// plainLetter reports whether r is a letter the table covers.
func plainLetter(r rune) bool { return r < plainMax && plainTable[r].folded != 0 }

// plain reports whether r needs no normalisation on its own.
func plain(r rune) bool { return plainLetter(r) || plainUnspaced(r) }
