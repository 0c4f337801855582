package match

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Flag describes a token.
type Flag uint16

// Token flags.
const (
	Break         Flag = 1 << iota // clause punctuation or a line break stands between this token and the one before
	SentenceStart                  // first token of the text or of a sentence
	Upper                          // its first letter is upper-case in the original text
	AllUpper                       // it has two or more letters and all of them are upper-case
	Quoted                         // it stands between a pair of quotation marks
	Unspaced                       // a character of a script written without spaces (Han, kana, Hangul)
	Symbol                         // a pictograph or other symbol, such as an emoji
	WordStart                      // it begins a word: not the second part of "don't", "e-mail" or an unspaced run
	Katakana                       // a letter of katakana (ァ to ヺ) or the long-vowel mark ー, not the middle dot ・
	Hiragana                       // a character of the hiragana block (ぁ to ゟ)
)

// A Token is a word, an unspaced character or a symbol of the text.
type Token struct {
	Start, End   int32 // byte offsets in the original text
	FStart, FEnd int32 // byte offsets in Text.Folded
	Letters      int32 // letters in the token
	Flags        Flag
}

// Has reports whether all of f are set on the token.
func (t Token) Has(f Flag) bool { return t.Flags&f == f }

// A Mark is a run of exclamation and question marks ("!!!", "?!", "？？").
type Mark struct {
	Start, End int32 // byte offsets in the original text
	Bangs      int32 // exclamation marks in the run
	Questions  int32 // question marks in the run
	After      int32 // index of the first token after the run (len(Tokens) when none)
}

// Text is a tokenised message. The zero value is an empty text; call Reset
// to tokenise a message. A Text reuses its buffers across calls to Reset and
// is not safe for concurrent use.
type Text struct {
	Src    string
	Folded []byte  // the normalised, case-folded tokens, back to back
	Tokens []Token // in order
	Marks  []Mark  // runs of '!' and '?', in order
	// Letters counts the cased letters of all tokens; Upper those in
	// all-upper tokens (AllUpper); Uncased the letters of scripts without
	// case (Han, kana, Hangul, Devanagari, Arabic, ...).
	Letters, Upper, Uncased int32
	// KeepAccents, set before Reset, keeps the diacritics of Latin letters,
	// for languages where they tell words apart (Vietnamese).
	KeepAccents bool
	seg         []byte // pieces of a normalisation segment not yet placed
	slow        bool   // tests: normalise everything, to check the fast path against
	// judged counts the bytes the normaliser's quick check has found in
	// NFKC; tests check that it judges no byte twice, which would make
	// tokenising quadratic (but for the last few bytes, see Reset).
	judged int
	iter   norm.Iter
	tk     tokenizer // kept here so that Reset does not allocate one
}

// fold is shared: cases.Fold keeps no state between calls.
var fold = cases.Fold()

// Reset tokenises src, replacing what t held. Invalid UTF-8 bytes separate
// tokens like punctuation and are otherwise ignored.
func (t *Text) Reset(src string) {
	t.Src = src
	t.Folded = t.Folded[:0]
	t.Tokens = t.Tokens[:0]
	t.Marks = t.Marks[:0]
	t.Letters, t.Upper, t.Uncased, t.judged = 0, 0, 0, 0
	t.tk = tokenizer{t: t, pending: Break | SentenceStart | WordStart, quoteTok: -1}
	tk := &t.tk
	quick := 0 // src[:quick] is known to be in NFKC already, and ends on a boundary
	for i := 0; i < len(src); {
		if i >= quick && !t.slow {
			if r, ok := fullwidthASCII(src, i); ok {
				tk.ascii(r, int32(i), int32(i+3)) // what the normaliser hands over
				i += 3
				continue
			}
			n := plainSpan(src[i:])
			if n == 0 {
				n = norm.NFKC.QuickSpanString(src[i:])
				t.judged += n
			}
			quick = i + n
		}
		if i >= quick {
			i = tk.normalise(src, i)
			continue
		}
		// Most text is in NFKC already: its runes are taken as they are.
		c := src[i]
		if c < utf8.RuneSelf {
			if tk.settled() && (isASCIIWord(rune(c)) || c == ' ') {
				i = tk.asciiRun(src[:quick], i)
				continue
			}
			tk.ascii(rune(c), int32(i), int32(i+1))
			i++
			continue
		}
		r, n := decodeRune(src[i:quick])
		if settled := tk.settled(); settled && plainLetter(r) {
			i = tk.plainWord(src[:quick], i)
			continue
		} else if settled && plainUnspaced(r) {
			i = tk.unspacedRun(src[:quick], i)
			continue
		} else if settled && (r == '、' || r == '。') {
			tk.otherPunct(r) // what rune does with them, having nothing to settle
			i += n
			continue
		}
		if r == utf8.RuneError && n <= 1 {
			// An invalid byte separates tokens. The normaliser reads a
			// sequence cut short by the end of the text as one piece
			// with the bytes after it ("\xf3¾"), so near the end, look
			// again after it; elsewhere its pieces end where ours do.
			tk.separator(Break)
			if len(src)-i < utf8.UTFMax {
				quick = i + n
			}
		} else {
			tk.rune(r, int32(i), int32(i+n))
		}
		i += n
	}
	tk.resolveApostrophe(' ')
	tk.resolveStar(' ')
	tk.endToken()
	tk.endMark()
}

// fullwidthASCII returns the ASCII character NFKC gives for the fullwidth
// form at src[i:] (U+FF01 to U+FF5E: "，", "！", "？", "Ａ"), when it is one
// and what follows cannot combine with that character; Chinese text is
// punctuated with them.
func fullwidthASCII(src string, i int) (rune, bool) {
	if i+3 > len(src) || src[i] != 0xef {
		return 0, false
	}
	var r rune
	switch b1, b2 := src[i+1], src[i+2]; {
	case b1 == 0xbc && 0x81 <= b2 && b2 <= 0xbf:
		r = rune(b2) - 0x80 + 0x20 // U+FF01 is '!'
	case b1 == 0xbd && 0x80 <= b2 && b2 <= 0x9e:
		r = rune(b2) - 0x80 + 0x60
	default:
		return 0, false
	}
	if next := i + 3; next < len(src) && src[next] >= utf8.RuneSelf && !plainAt(src[next:]) {
		return 0, false // a mark may follow: "＜\u0338" is "≮"
	}
	return r, true
}

// normalise tokenises src from i through NFKC until it reaches a character
// that may start text in NFKC again, and returns where it stopped.
func (k *tokenizer) normalise(src string, i int) int {
	t := k.t
	it := &t.iter
	it.InitString(norm.NFKC, src[i:])
	start := 0
	for !it.Done() {
		seg := it.Next()
		end := it.Pos()
		if len(t.seg) > 0 || end == start {
			// A long expansion (ﷺ, ゟ) comes in pieces before the
			// position moves on; all of it maps to the same bytes.
			t.seg = append(t.seg, seg...)
			if end == start {
				continue
			}
			seg = t.seg
		}
		k.segment(seg, int32(i+start), int32(i+end))
		t.seg = t.seg[:0]
		start = end
		if p := i + end; p < len(src) && !t.slow && (src[p] < utf8.RuneSelf || plainAt(src[p:])) {
			return p
		}
	}
	return i + start
}

type tokenizer struct {
	t        *Text
	open     bool  // a token is open
	pending  Flag  // flags for the next token
	upperAll bool  // every letter of the open token so far is upper-case
	latin    bool  // the last letter was Latin (its combining marks are dropped)
	apos     bool  // an apostrophe just ended a word: a contraction or a closing quote
	star     bool  // a '*' follows a letter: a hidden letter or punctuation
	starEnd  int32 // where the last such '*' ends in the original
	mark     Mark  // the open run of '!' and '?'
	inMark   bool  // a run of marks is open
	closer   rune  // the mark that closes the open quotation, or 0 when none is open
	quoteTok int   // index of the first token inside the quotation
	handle   bool  // inside an @handle ("@AcmeHelp"), which gives no token
	named    bool  // the handle has a character after its "@"
	lastMark rune  // the open token's last combining mark, which ends Folded[:markEnd]
	markEnd  int32
	buf      [64]byte
}

func (k *tokenizer) segment(seg []byte, start, end int32) {
	if len(seg) == 1 && seg[0] < utf8.RuneSelf {
		k.rune(rune(seg[0]), start, end)
		return
	}
	// A segment is a starter and the marks that combine with it; all of it
	// maps to the original bytes [start, end).
	for i := 0; i < len(seg); {
		r, n := utf8.DecodeRune(seg[i:])
		if r == utf8.RuneError && n <= 1 {
			k.separator(Break)
			i++
			continue
		}
		k.rune(r, start, end)
		i += n
	}
}

// settled reports whether nothing before the next rune waits for it to be
// settled: an apostrophe, a star, a run of marks or an @handle.
func (k *tokenizer) settled() bool { return !k.apos && !k.star && !k.inMark && !k.handle }

// ascii handles the ASCII character r from the original bytes [start,
// end) as rune does; punctuation with nothing to settle goes straight to
// asciiPunct, as rune would send it.
func (k *tokenizer) ascii(r rune, start, end int32) {
	if k.settled() && !isASCIIWord(r) && r != '!' && r != '?' {
		k.asciiPunct(r, end)
		return
	}
	k.rune(r, start, end)
}

// rune handles one normalised rune r from the original bytes [start, end).
func (k *tokenizer) rune(r rune, start, end int32) {
	if k.handle {
		if handleRune(r) {
			k.named = true
			return
		}
		k.handle = false
		if !k.named {
			k.separator(Break) // a lone "@" parts words like other punctuation
		}
	}
	k.resolveApostrophe(r)
	k.resolveStar(r)
	if r == '!' || r == '?' {
		k.punct(r, start, end)
		return
	}
	k.endMark()
	switch {
	case plainUnspaced(r):
		k.endToken()
		k.letter(r, start, end, true)
		k.endToken()
	case plainLetter(r):
		k.letter(r, start, end, false)
	case plainMark(r):
		k.combining(r, end)
	case r == '、' || r == '。' || '〈' <= r && r <= '】' || r == '।' || r == '॥':
		k.otherPunct(r) // the CJK and Devanagari punctuation of every sentence, without the Unicode tables
	case r < utf8.RuneSelf && isASCIIWord(r):
		k.letter(r, start, end, false)
	case r < utf8.RuneSelf:
		k.asciiPunct(r, end)
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Mc, r):
		k.combining(r, end)
	case unspaced(r):
		k.endToken()
		k.letter(r, start, end, true)
		k.endToken()
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.No, r):
		k.letter(r, start, end, false)
	case r == '\u2019' || r == '\u02bc' || r == '\u2018':
		k.apostrophe()
	case r == '\u2010' || r == '\u2011':
		k.endToken()
	case r == '\u200d' || unicode.Is(unicode.Cf, r):
		// joiners and format characters are invisible
	case unicode.Is(unicode.So, r):
		k.endToken()
		k.symbol(r, start, end)
	case unicode.IsSpace(r):
		if r == '\u2028' || r == '\u2029' {
			k.separator(Break | SentenceStart)
		} else {
			k.separator(0)
		}
	default:
		k.otherPunct(r)
	}
}

// handleRune reports whether r may be part of an @handle: a letter, a
// digit, a combining mark or "_".
func handleRune(r rune) bool {
	return isASCIIWord(r) || r == '_' || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

func isASCIIWord(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// plainUnspaced reports whether r is in the main blocks of hiragana,
// katakana, CJK ideographs or Hangul syllables, which NFKC leaves alone.
func plainUnspaced(r rune) bool {
	return 0x3041 <= r && r <= 0x3096 || 0x30a1 <= r && r <= 0x30fa || r == 0x30fc ||
		0x4e00 <= r && r <= 0x9fff || 0xac00 <= r && r <= 0xd7a3
}

// kana returns the flag of r's kana script, Katakana or Hiragana, or 0. The
// long-vowel mark ー is katakana; the middle dot ・ parts words and is not.
func kana(r rune) Flag {
	switch {
	case uint32(r-0x3041) > 0x30fc-0x3041: // Han and Hangul, mostly
		return 0
	case r <= 0x309f:
		return Hiragana
	case r >= 0x30a1 && (r <= 0x30fa || r == 0x30fc):
		return Katakana
	}
	return 0
}

// plainAt reports whether s starts with a plain letter or character: a
// likely place for text in NFKC to resume after a piece that was not.
func plainAt(s string) bool {
	r, _ := decodeRune(s)
	return plain(r)
}

// unspaced reports whether r belongs to a script written without spaces
// between words (or, for Hangul, whose endings carry the meaning); each such
// character is a token of its own. U+30FC is the katakana prolonged sound mark.
func unspaced(r rune) bool {
	return r >= 0x1100 && (r == 0x30fc || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul))
}

// asciiRun takes the ASCII words and spaces at src[i:], which is in NFKC
// and has nothing before it to settle (an apostrophe, a star, a run of
// marks), and returns where they end. Neither a word nor a space leaves
// anything to settle.
func (k *tokenizer) asciiRun(src string, i int) int {
	for i < len(src) {
		switch c := src[i]; {
		case isASCIIWord(rune(c)):
			i = k.asciiWord(src, i)
		case c == ' ':
			k.separator(0)
			i++
		default:
			return i
		}
	}
	return i
}

// asciiWord takes the run of ASCII letters and digits at src[i:], which is
// in NFKC, and returns its end.
func (k *tokenizer) asciiWord(src string, i int) int {
	t := k.t
	if !k.open {
		f := k.pending
		if 'A' <= src[i] && src[i] <= 'Z' {
			f |= Upper
		}
		t.Tokens = append(t.Tokens, Token{Start: int32(i), FStart: int32(len(t.Folded)), Flags: f})
		k.pending = 0
		k.open = true
		k.upperAll = true
	}
	folded, letters, upperAll := t.Folded, int32(0), k.upperAll
	j := i
	for ; j < len(src); j++ {
		c := src[j]
		switch {
		case 'a' <= c && c <= 'z':
			letters++
			upperAll = false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			letters++
		case '0' <= c && c <= '9':
		default:
			goto done
		}
		folded = append(folded, c)
	}
done:
	t.Folded = folded
	k.upperAll = upperAll
	k.latin = true
	tok := &t.Tokens[len(t.Tokens)-1] // opened above, by hand: openToken costs this hot path more
	tok.Letters += letters
	tok.End = int32(j)
	tok.FEnd = int32(len(folded))
	return j
}

// plainWord takes the run of letters and marks of the plain table at
// src[i:], which is in NFKC, and returns its end: a word of Cyrillic or
// Devanagari in one call. src[i] starts a letter.
func (k *tokenizer) plainWord(src string, i int) int {
	j := i
	for j+1 < len(src) && src[j] >= utf8.RuneSelf {
		// The table's runes take two or three bytes: decoded here. Any
		// other sequence, invalid ones included, ends the word.
		var r rune
		n := 2
		switch c, c1 := src[j], src[j+1]; {
		case c < 0xc2 || c1&0xc0 != 0x80:
			return j // not the start of a rune, or an overlong one
		case c < 0xe0:
			r = rune(c&0x1f)<<6 | rune(c1&0x3f)
		case c < 0xf0 && j+2 < len(src) && src[j+2]&0xc0 == 0x80:
			r, n = rune(c&0x0f)<<12|rune(c1&0x3f)<<6|rune(src[j+2]&0x3f), 3
			if r < 0x800 || 0xd800 <= r && r <= 0xdfff {
				return j // overlong, or a surrogate
			}
		default:
			return j
		}
		x := plainIndex(r)
		if x < 0 || plainTable[x].folded == 0 {
			break
		}
		if info := &plainTable[x]; info.mark {
			k.combining(r, int32(j+n))
		} else {
			k.tableLetter(r, info, int32(j), int32(j+n))
		}
		j += n
	}
	return j
}

// unspacedRun takes the run of characters at src[i:] that plainUnspaced
// covers, which is in NFKC, each a token of its own, and returns its end.
// It does what letter does for each, without its questions: the characters
// have no case and fold to themselves.
func (k *tokenizer) unspacedRun(src string, i int) int {
	k.endToken()
	t := k.t
	flags := k.pending | Unspaced
	k.pending = 0
	k.latin = false
	for i+3 <= len(src) {
		// Every character plainUnspaced covers takes three bytes.
		b0, b1, b2 := src[i], src[i+1], src[i+2]
		r := rune(b0&0x0f)<<12 | rune(b1&0x3f)<<6 | rune(b2&0x3f)
		if b0&0xf0 != 0xe0 || b1&0xc0 != 0x80 || b2&0xc0 != 0x80 || !plainUnspaced(r) {
			break
		}
		flags |= kana(r)
		at := int32(len(t.Folded))
		t.Folded = append(t.Folded, b0, b1, b2)
		t.Tokens = append(t.Tokens, Token{Start: int32(i), End: int32(i + 3), FStart: at, FEnd: at + 3, Flags: flags})
		t.Uncased++
		flags = Unspaced
		i += 3
	}
	return i
}

// letter adds the letter r, from the original bytes [start, end), to the
// open token, opening one if none is; unsp says r is a character of a
// script written without spaces.
func (k *tokenizer) letter(r rune, start, end int32, unsp bool) {
	if x := plainIndex(r); x >= 0 && plainTable[x].folded != 0 && !plainTable[x].mark {
		k.tableLetter(r, &plainTable[x], start, end)
		return
	}
	t := k.t
	var upper, lower bool
	switch {
	case unsp:
		// no case in Han, kana or Hangul
	case r < utf8.RuneSelf:
		upper, lower = 'A' <= r && r <= 'Z', 'a' <= r && r <= 'z'
	default:
		upper, lower = unicode.IsUpper(r) || unicode.IsTitle(r), unicode.IsLower(r)
	}
	var f Flag
	if upper {
		f |= Upper
	}
	if unsp {
		f |= Unspaced | kana(r)
	}
	tok := k.openToken(start, f)
	if upper || lower {
		tok.Letters++
		k.upperAll = k.upperAll && upper
	} else if unsp || r >= utf8.RuneSelf && unicode.IsLetter(r) {
		t.Uncased++
	}
	k.latin = r < 0x250 || 0x1e00 <= r && r < 0x1f00
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		t.Folded = append(t.Folded, byte(r))
	case upper || lower:
		k.appendFolded(r)
	default:
		t.Folded = utf8.AppendRune(t.Folded, r)
	}
	tok.End = end
	tok.FEnd = int32(len(t.Folded))
}

// tableLetter is letter for a letter of the plain table, whose entry is
// info: its case and folded forms are looked up, not worked out.
func (k *tokenizer) tableLetter(r rune, info *plainInfo, start, end int32) {
	t := k.t
	var f Flag
	if info.upper {
		f = Upper
	}
	tok := k.openToken(start, f)
	if info.upper || info.lower {
		tok.Letters++
		k.upperAll = k.upperAll && info.upper
	} else {
		t.Uncased++
	}
	k.latin = r < 0x250 || 0x1e00 <= r && r < 0x1f00
	folded := info.foldedUTF8
	if t.KeepAccents {
		folded = info.keepUTF8
	}
	t.Folded = folded.appendTo(t.Folded)
	tok.End = end
	tok.FEnd = int32(len(t.Folded))
}

// openToken returns the open token, opening one at start, with the pending
// flags and f, if none is open.
func (k *tokenizer) openToken(start int32, f Flag) *Token {
	t := k.t
	if !k.open {
		t.Tokens = append(t.Tokens, Token{Start: start, FStart: int32(len(t.Folded)), Flags: k.pending | f})
		k.pending = 0
		k.open = true
		k.upperAll = true
	}
	return &t.Tokens[len(t.Tokens)-1]
}

// appendFolded appends the case-folded form of r, with the accents of Latin
// letters removed unless the text keeps them.
func (k *tokenizer) appendFolded(r rune) {
	t := k.t
	n := utf8.EncodeRune(k.buf[:8], r)
	nd, _, err := fold.Transform(k.buf[8:], k.buf[:n], true)
	if err != nil {
		t.Folded = utf8.AppendRune(t.Folded, r)
		return
	}
	for _, f := range string(k.buf[8 : 8+nd]) {
		if b, ok := latinBase(f); ok && !t.KeepAccents {
			f = b
		}
		t.Folded = utf8.AppendRune(t.Folded, f)
	}
}

// combining adds a combining mark to the open token; the folded text drops
// it when it is an accent of a Latin letter.
func (k *tokenizer) combining(r rune, end int32) {
	if !k.open {
		return
	}
	// A mark typed twice ("तुम्हेंं", its nasal sign doubled) is read once:
	// r is the last mark kept, and nothing was folded after it.
	if t := k.t; (!k.latin || t.KeepAccents) && (r != k.lastMark || int(k.markEnd) != len(t.Folded)) {
		t.Folded = appendRune(t.Folded, r)
		k.lastMark, k.markEnd = r, int32(len(t.Folded))
	}
	k.extend(end)
}

func (k *tokenizer) extend(end int32) {
	tok := &k.t.Tokens[len(k.t.Tokens)-1]
	tok.End = end
	tok.FEnd = int32(len(k.t.Folded))
}

func (k *tokenizer) endToken() {
	if !k.open {
		return
	}
	k.open, k.lastMark = false, 0
	tok := &k.t.Tokens[len(k.t.Tokens)-1]
	tok.FEnd = tok.FStart + int32(unstretch(k.t.Folded[tok.FStart:tok.FEnd]))
	k.t.Folded = k.t.Folded[:tok.FEnd]
	k.t.Letters += tok.Letters
	if k.upperAll && tok.Letters >= 2 {
		tok.Flags |= AllUpper
		k.t.Upper += tok.Letters
	}
}

func (k *tokenizer) separator(f Flag) {
	k.handle = false
	k.endToken()
	k.pending |= f | WordStart
}

func (k *tokenizer) symbol(r rune, start, end int32) {
	t := k.t
	t.Tokens = append(t.Tokens, Token{Start: start, End: end, FStart: int32(len(t.Folded)), Flags: k.pending | Symbol})
	k.pending = WordStart
	t.Folded = utf8.AppendRune(t.Folded, r)
	t.Tokens[len(t.Tokens)-1].FEnd = int32(len(t.Folded))
}

func (k *tokenizer) asciiPunct(r rune, end int32) {
	switch r {
	case ' ', '\t':
		k.separator(0)
	case '\n', '\r', '\f', '\v':
		k.separator(Break | SentenceStart)
	case '\'':
		k.apostrophe()
	case '"':
		k.quoteMark('"')
	case '-':
		// a hyphen inside a word joins parts that match as separate words;
		// standing alone it is a dash
		if k.open {
			k.endToken()
		} else {
			k.separator(Break)
		}
	case '.':
		if k.open && k.title() {
			k.separator(0) // "Mr. Patel", "Sra. López": the full stop of a title ends nothing
			return
		}
		k.separator(Break | SentenceStart)
	case '*':
		if k.open {
			// inside a word it hides letters ("f*ck", "бл*ть"); the next
			// rune tells
			k.t.Folded = append(k.t.Folded, '*')
			k.star, k.starEnd = true, end
			return
		}
		k.separator(Break)
	case '@':
		if !k.open {
			// An @handle opening a word names whom a post answers or
			// mentions: it is left out, and what follows it reads as
			// if it were not there ("@AcmeHelp Hi, …" starts with Hi).
			// In a word, "@" parts it ("name@example.com").
			k.handle, k.named = true, false
			return
		}
		k.separator(Break)
	case ',', ';', ':', '(', ')', '[', ']', '{', '}', '/', '|', '_', '~', '<', '>', '=', '+', '&', '#', '%', '$', '^', '`', '\\':
		k.separator(Break)
	default:
		k.separator(0)
	}
}

func (k *tokenizer) otherPunct(r rune) {
	switch r {
	case '。', '．', '…', '｡', '¿', '¡', '।', '॥', '؟', '۔':
		k.separator(Break | SentenceStart)
	case '“', '”', '„', '«', '»', '「', '」', '『', '』':
		k.quoteMark(r)
	default:
		k.separator(Break)
	}
}

// titles are the abbreviated titles written before a name, folded, in the
// languages with the Latin script: after one that is capitalised a full
// stop ends no sentence.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "mx": true, "dr": true, "prof": true, // English
	"sr": true, "sra": true, "srta": true, "dra": true, "sres": true, "lic": true, "ing": true, // Spanish, Portuguese
	"hr": true, "hrn": true, "frl": true, // German
	"mme": true, "mlle": true, "mm": true, // French
	"sig": true, "sigg": true, "dott": true, "dottssa": true, "avv": true, // Italian
	"dhr": true, "mevr": true, "mw": true, // Dutch
}

// title reports whether the open token is a capitalised title (titles).
func (k *tokenizer) title() bool {
	tok := &k.t.Tokens[len(k.t.Tokens)-1]
	return tok.Has(WordStart|Upper) && titles[string(k.t.Folded[tok.FStart:])]
}

// closers maps each opening quotation mark to the mark that closes it. „
// closes with “ in German and ” in Dutch; quoteMark accepts any double
// mark after a double one, as keyboards and their corrections mix them
// („idioot", "idiot”).
var closers = map[rune]rune{'"': '"', '\'': '\'', '“': '”', '„': '“', '«': '»', '»': '«', '「': '」', '『': '』'}

// double reports whether q is a double quotation mark that can close a
// quotation.
func double(q rune) bool { return q == '"' || q == '“' || q == '”' }

// apostrophe splits a word ("don't" matches as "don" "t"), or opens or
// closes a quotation when it stands at the edge of a word. Typographic
// apostrophes and single quotes count as the ASCII one.
func (k *tokenizer) apostrophe() {
	if k.open {
		// a contraction, an elision or a closing quote: the next rune tells
		k.endToken()
		k.apos = true
		return
	}
	k.quoteMark('\'')
}

// resolveStar decides what a '*' after a letter was, now that the rune
// after it, r, is known: before a letter or another '*' it stands for a
// letter; otherwise it was punctuation after the word.
func (k *tokenizer) resolveStar(r rune) {
	if !k.star || r == '*' {
		return
	}
	k.star = false
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		k.extend(k.starEnd)
		return
	}
	for n := len(k.t.Folded); n > 0 && k.t.Folded[n-1] == '*'; n-- {
		k.t.Folded = k.t.Folded[:n-1]
	}
	k.separator(Break)
}

// resolveApostrophe decides what an apostrophe at the end of a word was, now
// that the rune after it, r, is known: before a letter it joined two words;
// otherwise it closes an open single quotation.
func (k *tokenizer) resolveApostrophe(r rune) {
	if !k.apos {
		return
	}
	k.apos = false
	if k.closer == '\'' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		k.closeQuote()
	}
}

// quoteMark handles the quotation mark q: it closes the open quotation when
// it is its closer, and otherwise opens one if none is open.
func (k *tokenizer) quoteMark(q rune) {
	k.separator(Break)
	switch {
	case k.closer != 0 && (q == k.closer || double(k.closer) && double(q)):
		k.closeQuote()
	case k.closer == 0:
		if c, ok := closers[q]; ok {
			k.closer = c
			k.quoteTok = len(k.t.Tokens)
		}
	}
}

// closeQuote marks the tokens since the opening quotation mark as quoted.
// An unclosed quotation marks nothing.
func (k *tokenizer) closeQuote() {
	for i := k.quoteTok; i >= 0 && i < len(k.t.Tokens); i++ {
		k.t.Tokens[i].Flags |= Quoted
	}
	k.closer, k.quoteTok = 0, -1
}

func (k *tokenizer) punct(r rune, start, end int32) {
	k.separator(Break | SentenceStart)
	if !k.inMark {
		k.mark = Mark{Start: start}
		k.inMark = true
	}
	k.mark.End = end
	if r == '!' {
		k.mark.Bangs++
	} else {
		k.mark.Questions++
	}
}

func (k *tokenizer) endMark() {
	if k.inMark {
		k.mark.After = int32(len(k.t.Tokens))
		k.t.Marks = append(k.t.Marks, k.mark)
		k.inMark = false
	}
}

// unstretch folds a letter written three or more times in a row, drawn out
// for effect ("hiii", "thanksss", "sooo"), to one, in place, and returns the
// new length. Only ASCII letters are folded: a run of 哈 is a word.
func unstretch(w []byte) int {
	for i := 2; i < len(w); i++ {
		if w[i] == w[i-1] && w[i] == w[i-2] {
			return squeeze(w, i-2)
		}
	}
	return len(w) // most words: nothing drawn out
}

// squeeze does unstretch's work from w[i], where a run of three starts.
func squeeze(w []byte, i int) int {
	n := i
	for ; i < len(w); i++ {
		c := w[i]
		if 'a' <= c && c <= 'z' && i+2 < len(w) && w[i+1] == c && w[i+2] == c {
			for i+1 < len(w) && w[i+1] == c {
				i++
			}
		}
		w[n] = c
		n++
	}
	return n
}
