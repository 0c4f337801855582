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

// The table covers U+00C0 to U+052F (Latin-1 to Cyrillic Supplement),
// Devanagari, U+0900 to U+097F, and Latin Extended Additional, U+1E00 to
// U+1EFF (Vietnamese).
const (
	plainMax               = 0x530
	devaLo, devaHi         = 0x900, 0x980
	extraLo, extraHi       = 0x1e00, 0x1f00
	devaAt                 = plainMax
	extraAt                = devaAt + devaHi - devaLo
	plainTableEntries      = extraAt + extraHi - extraLo
	virama            rune = 0x94d
)

type plainInfo struct {
	folded     rune // case-folded, accents of Latin letters removed; 0 when r is not a plain letter or mark
	foldedKeep rune // case-folded, accents kept
	upper      bool
	lower      bool
	mark       bool // a combining mark (a Devanagari vowel sign)
	// folded and foldedKeep in UTF-8, for the tokenizer to append
	foldedUTF8, keepUTF8 utf8Rune
}

// A utf8Rune is a rune of up to three bytes in UTF-8, ready to append.
type utf8Rune struct {
	b [3]byte
	n uint8
}

// encode returns r as a utf8Rune, or false if it takes four bytes.
func encode(r rune) (utf8Rune, bool) {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	return utf8Rune{b: [3]byte{buf[0], buf[1], buf[2]}, n: uint8(n)}, n <= 3
}

// appendTo appends u to b: three bytes, of which the extra are cut off.
func (u utf8Rune) appendTo(b []byte) []byte {
	n := len(b) + int(u.n)
	return append(b, u.b[0], u.b[1], u.b[2])[:n]
}

var plainTable = func() (t [plainTableEntries]plainInfo) {
	var buf [16]byte
	for _, rg := range [][2]rune{{0xc0, plainMax}, {devaLo, devaHi}, {extraLo, extraHi}} {
		for r := rg[0]; r < rg[1]; r++ {
			s := string(r)
			mark := unicode.In(r, unicode.Mn, unicode.Mc)
			if !unicode.IsLetter(r) && !mark || !norm.NFKC.IsNormalString(s) || !norm.NFKC.PropertiesString(s).BoundaryBefore() {
				continue // not a letter, or it may combine with what comes before it
			}
			n, _, err := fold.Transform(buf[:], []byte(s), true)
			f, size := utf8.DecodeRune(buf[:n])
			if err != nil || size != n {
				continue // folds to several runes (ß → ss): the slow path
			}
			info := plainInfo{folded: f, foldedKeep: f, upper: unicode.IsUpper(r) || unicode.IsTitle(r), lower: unicode.IsLower(r), mark: mark}
			if b, ok := latinBase(f); ok {
				info.folded = b
			}
			var ok1, ok2 bool
			info.foldedUTF8, ok1 = encode(info.folded)
			info.keepUTF8, ok2 = encode(info.foldedKeep)
			if !ok1 || !ok2 {
				continue // folds to a rune of four bytes: the slow path
			}
			t[plainIndex(r)] = info
		}
	}
	return t
}()

// plainIndex returns the index of r in plainTable, or -1.
func plainIndex(r rune) int {
	switch {
	case r < plainMax:
		return int(r)
	case devaLo <= r && r < devaHi:
		return int(devaAt + r - devaLo)
	case extraLo <= r && r < extraHi:
		return int(extraAt + r - extraLo)
	}
	return -1
}

// plainLetter reports whether r is a letter the table covers.
func plainLetter(r rune) bool {
	i := plainIndex(r)
	return i >= 0 && plainTable[i].folded != 0 && !plainTable[i].mark
}

// plainMark reports whether r is a combining mark the table covers.
func plainMark(r rune) bool {
	i := plainIndex(r)
	return i >= 0 && plainTable[i].mark
}

// cjkPlain has a bit for each character of U+3000 to U+30FF (CJK
// punctuation, hiragana and katakana) that needs no normalisation and that
// nothing before combines with: 、and 。, but not the voicing marks.
var cjkPlain = func() (bits [4]uint64) {
	for r := rune(0x3000); r < 0x3100; r++ {
		s := string(r)
		if norm.NFKC.IsNormalString(s) && norm.NFKC.PropertiesString(s).BoundaryBefore() {
			bits[(r-0x3000)/64] |= 1 << ((r - 0x3000) % 64)
		}
	}
	return bits
}()

// plain reports whether r needs no normalisation on its own and nothing
// before it combines with it.
func plain(r rune) bool {
	if i := plainIndex(r); i >= 0 {
		return plainTable[i].folded != 0 || r == '।' || r == '॥' // the dandas end sentences
	}
	if 0x3000 <= r && r < 0x3100 {
		return cjkPlain[(r-0x3000)/64]&(1<<((r-0x3000)%64)) != 0
	}
	return plainUnspaced(r)
}

// plainSpan returns the length of a prefix of s that is in NFKC and ends
// where a new segment starts: the runes up to the last plain one before a
// rune that is not plain. A virama between plain Devanagari runes counts as
// plain: it composes with nothing and only reorders with other marks. It
// returns 0 when s starts with a rune that is not plain.
func plainSpan(s string) int {
	end, prev := 0, 0 // the span so far, and where the rune before it starts
	afterVirama, deva := false, false
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf {
				j++
			}
			end = j - 1 // prev matters only after a virama, which follows Devanagari
			afterVirama, deva = false, false
			i = j
			continue
		}
		if c := s[i]; c-0xe1 < 0x0f && i+3 <= len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 &&
			plainUnspaced(rune(c&0x0f)<<12|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f)) {
			// Han, kana and Hangul (three bytes each, none starting with
			// E0), most of the text in their scripts: decoded here
			prev, end = end, i
			afterVirama, deva = false, false
			i += 3
			continue
		}
		var r rune
		var n int
		if s[i] == 0xe0 && i+2 < len(s) && s[i+1]&0xfe == 0xa4 && s[i+2]&0xc0 == 0x80 {
			r, n = devaLo|rune(s[i+1]&1)<<6|rune(s[i+2]&0x3f), 3 // Devanagari, decoded here
		} else {
			r, n = decodeRune(s[i:])
		}
		switch {
		case plain(r):
			afterVirama = false
		case r == virama && deva:
			afterVirama = true
		default:
			if _, ok := fullwidthASCII(s, i); ok {
				// A fullwidth form of ASCII (，！？) becomes a character
				// that combines with nothing before it: the span ends
				// before it, and Reset takes it as ASCII.
				return i
			}
			// r may combine with the rune before it, or (after a virama)
			// the two before it.
			if afterVirama {
				return prev
			}
			return end
		}
		prev, end = end, i
		deva = devaLo <= r && r < devaHi && r != virama
		i += n
	}
	return len(s)
}

// decodeRune is utf8.DecodeRuneInString with the two- and three-byte forms,
// in which the scripts of the phrase data are written, decoded inline.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 && s[0]&0xf0 == 0xe0 {
		b0, b1, b2 := s[0], s[1], s[2]
		if b1&0xc0 == 0x80 && b2&0xc0 == 0x80 && (b0 != 0xe0 || b1 >= 0xa0) && (b0 != 0xed || b1 < 0xa0) {
			return rune(b0&0x0f)<<12 | rune(b1&0x3f)<<6 | rune(b2&0x3f), 3
		}
	} else if len(s) >= 2 && 0xc2 <= s[0] && s[0] < 0xe0 && s[1]&0xc0 == 0x80 {
		return rune(s[0]&0x1f)<<6 | rune(s[1]&0x3f), 2
	}
	return utf8.DecodeRuneInString(s)
}

// appendRune is utf8.AppendRune with the two- and three-byte forms written
// inline.
func appendRune(b []byte, r rune) []byte {
	switch {
	case 0x80 <= r && r < 0x800:
		return append(b, byte(0xc0|r>>6), byte(0x80|r&0x3f))
	case 0x800 <= r && r < 0x10000 && (r < 0xd800 || r > 0xdfff):
		return append(b, byte(0xe0|r>>12), byte(0x80|r>>6&0x3f), byte(0x80|r&0x3f))
	}
	return utf8.AppendRune(b, r)
}
