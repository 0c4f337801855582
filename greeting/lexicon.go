package greeting

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rapportkit/rapport/internal/match"
	"golang.org/x/text/language"
)

// A lexicon is one language's phrase data. Its header (tag, name, common
// words) is read when the checker is built; the phrase tables of built-in
// languages are compiled when the language is first used, so a program pays
// only for the languages it meets.
type lexicon struct {
	tag    language.Tag
	region language.Region // the region of tag, the likely one if none is given (pt: BR)
	name   string
	common []string // folded frequent words, for detection
	// function holds the function words ("that", "your", "with"), folded
	// as the language's texts are: they are not content words (see
	// content).
	function []string
	// laughs holds the first words of the laughter phrases, folded:
	// where one follows a phrase, the phrase's clause may end after the
	// laugh (see lexicon.pastLaughter).
	laughs  []string
	scripts script // the scripts the language is written in
	// keepAccents: the language's phrases keep the diacritics of Latin
	// letters, and texts are tokenised to match (Vietnamese).
	keepAccents bool
	// contentLetters is the fewest letters of a content word in a script
	// written with spaces: 4, or fewer in a language of short words
	// (Vietnamese syllables), whose function list then holds its short
	// grammar words.
	contentLetters int

	file string // where the data came from, for error messages
	once sync.Once
	set  *match.Set
	// regions are the region conditions of the phrases (see entry.region).
	regions []regionSet
	// isFunction is the bit set of the set's word ids of the function words.
	isFunction wordBits
	// laughStarts is the bit set of the set's word ids of laughs.
	laughStarts wordBits
	// entries is indexed by the payload of a match. Phrases whose entries
	// are alike share one: a few hundred entries serve 100,000 phrases.
	entries []entry
	// varieties: some phrases mark a regional variety (catVariety).
	varieties bool
}

// compiled returns lx, a lexicon of the built-in data, with its phrase
// tables, loading them on first use from the tables compiled ahead of
// time, or compiling the text when they are missing or stale. (A lexicon of
// WithData is compiled when it is parsed.) Built-in data is tested to
// compile; failing here is a bug.
func (lx *lexicon) compiled() *lexicon {
	lx.once.Do(func() {
		src, err := builtin.ReadFile("data/" + lx.file)
		if err != nil {
			panic("greeting: built-in phrase data is missing: " + err.Error())
		}
		if tab, err := builtin.ReadFile("data/" + tablesName(lx.file)); err == nil && decodeTables(lx, tab, src) == nil {
			lx.markWords()
			return
		}
		full, err := parseLexicon(lx.file, src, true)
		if err != nil {
			panic("greeting: built-in phrase data does not compile: " + err.Error())
		}
		lx.set, lx.entries, lx.regions, lx.varieties = full.set, full.entries, full.regions, full.varieties
		lx.markWords()
	})
	return lx
}

// markVarieties sets lx.varieties from lx.entries.
func (lx *lexicon) markVarieties() {
	lx.varieties = slices.ContainsFunc(lx.entries, func(e entry) bool { return e.cat == catVariety })
}

// laugh notes the laughs a line of the laughter section expands to: their
// first words (laughs), and, as function words, the laughs of one word,
// which are never content ("haha", "mdr").
func (lx *lexicon) laugh(laughs []string, fold *match.Text) {
	fold.KeepAccents = lx.keepAccents
	for _, l := range laughs {
		fold.Reset(l)
		if len(fold.Tokens) == 0 || strings.Contains(l, "*") {
			continue
		}
		first := fold.Tokens[0]
		lx.laughs = append(lx.laughs, string(fold.Folded[first.FStart:first.FEnd]))
		if len(fold.Tokens) == 1 {
			lx.function = append(lx.function, string(fold.Folded))
		}
	}
}

// markWords sets lx.isFunction and lx.laughStarts from the ids lx.set
// gives the function words and the first words of laughs.
func (lx *lexicon) markWords() {
	lx.isFunction, lx.laughStarts = lx.wordBits(lx.function), lx.wordBits(lx.laughs)
}

// wordBits returns the set of the ids lx.set gives the folded words.
func (lx *lexicon) wordBits(words []string) wordBits {
	var b wordBits
	for _, w := range words {
		if id := lx.set.WordID([]byte(w)); id != 0 {
			for int(id>>6) >= len(b) {
				b = append(b, 0)
			}
			b[id>>6] |= 1 << (id & 63)
		}
	}
	return b
}

// category is what a phrase signals: a Strategy, or one of the cues below.
type category uint8

const (
	catNegation = category(numStrategies) + iota
	catFormal
	catInformal
	catCommon
	catNeutral
	catVariety  // marks the text as written in the regions of its in: condition
	catLaughter // laughter ("lol", "ｗｗ", "哈哈"), which a phrase that ends its clause may have after it
	catFunction // a word list, like catCommon: never the category of a phrase
)

// A wordBits is a set of word ids.
type wordBits []uint64

func (b wordBits) has(id uint32) bool { return int(id>>6) < len(b) && b[id>>6]&(1<<(id&63)) != 0 }

// A catSet is a set of categories.
type catSet uint64

// Every category fits in a catSet: this fails to compile if there are more
// than 64.
var _ = [1]struct{}{}[catFunction/64]

func (c catSet) has(cat category) bool    { return c&(1<<cat) != 0 }
func (c catSet) with(cat category) catSet { return c | 1<<cat }

// hostileCats are the categories of the hostile strategies.
var hostileCats = func() (c catSet) {
	for s := range numStrategies {
		if s.Hostile() {
			c = c.with(category(s))
		}
	}
	return c
}()

// overlaid are the categories of phrases a hostile phrase may start inside
// and go on past, both read: they judge, question, open bluntly or address
// the reader, and soften nothing. (Register cues are not among them: "chúng
// tôi" claims the tôi of "chúng tôi đang làm" from "tôi đang làm".)
var overlaid = catSet(0).with(category(Criticism)).with(category(DirectQuestion)).with(category(Factuality)).
	with(category(DirectStart)).with(category(FormalAddress)).with(category(InformalAddress))

var cueNames = map[string]category{"negation": catNegation, "formal": catFormal, "informal": catInformal, "common": catCommon, "neutral": catNeutral, "variety": catVariety, "laughter": catLaughter, "function": catFunction}

type attr uint16

const (
	attrStart    attr = 1 << iota // only at the start of a sentence
	attrCased                     // only with the capitalisation written
	attrFormal                    // also a formal register cue
	attrInformal                  // also an informal register cue
	attrEnd                       // only at the end of the message
	attrAlone                     // only where its clause ends with it
	attrSuffix                    // a word ending, not a whole phrase
	attrFinal                     // only at the end of a sentence
	attrAsked                     // only in a sentence that ends in a question mark
	attrStated                    // only in a sentence that does not end in a question mark
	attrAnswer                    // a negation that may answer: alone in its clause or opening its sentence, it denies nothing
	attrClause                    // a negation that denies the rest of its clause ("it's not true that …"), not three words
	attrApart                     // only where a clause starts: the text's start, or after punctuation (", du Abfall")
	// attrRegion: only in some regions (entry.region). It is not written in
	// the tables, where the region condition is.
	attrRegion
)

type entry struct {
	cat    category
	attrs  attr
	part   PartOfDay
	region uint8  // 1 + the index of its regionSet in lexicon.regions; 0 for everywhere
	upper  uint64 // capitalised words of the phrase, for attrCased
}

// A regionSet is where a phrase counts: in the listed regions and the
// regions they contain ("in:419" takes in Mexico), or everywhere else.
type regionSet struct {
	not  bool
	list []language.Region
}

// has reports whether a text of region r is read with the phrase.
func (rs *regionSet) has(r language.Region) bool {
	for _, x := range rs.list {
		if x == r || x.Contains(r) {
			return !rs.not
		}
	}
	return rs.not
}

// maxRegionSets bounds the distinct region conditions of a language.
const maxRegionSets = 255

// regionAttr reads a region attribute ("in:PT,AO", "not:PT") into e. ok is
// false when a is no region attribute; msg says what is wrong with one.
func (lx *lexicon) regionAttr(e *entry, a string) (msg string, ok bool) {
	var rs regionSet
	key, list, found := strings.Cut(a, ":")
	switch {
	case !found:
		return "", false
	case key == "not":
		rs.not = true
	case key != "in":
		return "", false
	}
	if e.region != 0 {
		return fmt.Sprintf("second region attribute %q", a), true
	}
	for _, code := range strings.Split(list, ",") {
		r, err := language.ParseRegion(code)
		if err != nil {
			return fmt.Sprintf("region %q in %q: not an ISO 3166-1 or UN M.49 code", code, a), true
		}
		rs.list = append(rs.list, r)
	}
	i := slices.IndexFunc(lx.regions, func(x regionSet) bool { return x.not == rs.not && slices.Equal(x.list, rs.list) })
	if i < 0 {
		if len(lx.regions) == maxRegionSets {
			return fmt.Sprintf("more than %d region conditions", maxRegionSets), true
		}
		i = len(lx.regions)
		lx.regions = append(lx.regions, rs)
	}
	e.region = uint8(i + 1)
	e.attrs |= attrRegion
	return "", true
}

// A DataError is a problem in a phrase-data file, at a line and column.
type DataError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *DataError) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// ErrData is matched by errors.Is for every error in phrase data.
var ErrData = errors.New("greeting: bad phrase data")

// Is makes errors.Is(err, ErrData) true for a DataError.
func (e *DataError) Is(target error) bool { return target == ErrData }

const maxExpansions = 1024

// parseLexicon reads phrase data (see data/README.md); with phrases false it
// reads only the header and common words and leaves the phrases to
// compiled. It reports every error it finds, joined.
func parseLexicon(file string, src []byte, phrases bool) (*lexicon, error) {
	lx := &lexicon{tag: language.Und, file: file, contentLetters: 4}
	var (
		b    match.Builder
		errs []error
		cat  category
		fold match.Text
		seen = map[seenKey]bool{} // phrase and section, to drop repeats
		ids  = map[entry]int32{}  // the entries, by what they hold
	)
	fail := func(line, col int, format string, args ...any) {
		errs = append(errs, &DataError{file, line, col, fmt.Sprintf(format, args...)})
	}
	if phrases && !utf8.Valid(src) {
		// Headers alone are read only from the built-in data, which the
		// tests hold to valid UTF-8.
		return nil, &DataError{file, 1, 1, "file is not valid UTF-8"}
	}
	n := 0
	for rest := src; rest != nil; {
		raw := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			raw, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		n++
		if !phrases && cat != 0 && cat != catCommon && cat != catFunction && cat != catLaughter && !opensSection(raw) {
			continue // the headers alone read only these sections
		}
		line := string(raw)
		if i := commentStart(line); i >= 0 {
			line = line[:i]
		}
		body := strings.TrimRight(line, " \t\r")
		trimmed := strings.TrimLeft(body, " \t")
		if trimmed == "" {
			continue
		}
		col := len(body) - len(trimmed) + 1
		switch {
		case strings.HasPrefix(trimmed, "["):
			name, ok := strings.CutSuffix(trimmed[1:], "]")
			if !ok {
				fail(n, col, "section header %q lacks its closing ']'", clip(trimmed))
				cat = 0
				continue
			}
			if s, err := ParseStrategy(name); err == nil && s != Shouting {
				cat = category(s)
			} else if c, ok := cueNames[name]; ok {
				cat = c
			} else {
				fail(n, col+1, "unknown section %q (want a strategy name or negation, formal, informal, common, function, neutral, variety, laughter)", clip(name))
				cat = 0
			}
		case cat == 0 && (strings.HasPrefix(trimmed, "language ") || strings.HasPrefix(trimmed, "name ") || strings.HasPrefix(trimmed, "accents ") || strings.HasPrefix(trimmed, "content ")):
			key, val, _ := strings.Cut(trimmed, " ")
			val = strings.TrimSpace(val)
			switch {
			case key == "name":
				lx.name = val
				continue
			case key == "accents" && (val == "keep" || val == "fold"):
				lx.keepAccents = val == "keep"
				b.KeepAccents = lx.keepAccents // common words stay folded: detection reads folded text
				continue
			case key == "accents":
				fail(n, col+len(key)+1, "accents %q: want keep or fold", val)
				continue
			case key == "content":
				if k, err := strconv.Atoi(val); err == nil && 1 <= k && k <= 4 {
					lx.contentLetters = k
				} else {
					fail(n, col+len(key)+1, "content %q: want the fewest letters of a content word, 1 to 4", val)
				}
				continue
			}
			tag, err := language.Parse(val)
			if err != nil {
				fail(n, col+len(key)+1, "bad language tag %q: %v", val, err)
				continue
			}
			lx.tag = tag
		case cat == 0:
			fail(n, col, "phrase %q is outside a section", clip(trimmed))
		case !phrases && cat == catLaughter:
			// a line that does not expand is reported where the phrases
			// are read
			phrase, _, _ := strings.Cut(trimmed, " ; ")
			if laughs, err := expand(strings.TrimSpace(phrase)); err == nil {
				lx.laugh(laughs, &fold)
			}
			continue
		case !phrases && cat != catCommon && cat != catFunction:
			continue
		case cat == catCommon || cat == catFunction:
			// Common words are folded as detection reads texts; function
			// words as the language's own texts are.
			fold.KeepAccents = cat == catFunction && lx.keepAccents
			section := "common"
			if cat == catFunction {
				section = "function"
			}
			for _, w := range strings.Fields(trimmed) {
				fold.Reset(w)
				switch {
				case len(fold.Tokens) != 1:
					fail(n, col, "%s word %q is not one word", section, clip(w))
				case cat == catCommon:
					lx.common = append(lx.common, string(fold.Folded))
				default:
					lx.function = append(lx.function, string(fold.Folded))
					if phrases {
						if err := b.AddWord(w); err != nil {
							fail(n, col, "function word %q: %v", w, err)
						}
					}
				}
			}
		default:
			phrase, attrs, _ := strings.Cut(trimmed, " ; ")
			e := entry{cat: cat}
			for _, a := range strings.Fields(attrs) {
				msg, ok := lx.regionAttr(&e, a)
				if !ok {
					msg = e.set(a)
				}
				if msg != "" {
					fail(n, col+strings.Index(trimmed, a), "%s", msg)
				}
			}
			if cat == catVariety && (e.region == 0 || lx.regions[e.region-1].not) {
				fail(n, col, "variety phrase %q names no regions: want an in: condition", clip(strings.TrimSpace(phrase)))
			}
			alts, err := expand(strings.TrimSpace(phrase))
			if err != nil {
				fail(n, col, "%v", err)
				continue
			}
			if cat == catLaughter {
				lx.laugh(alts, &fold)
			}
			for _, p := range alts {
				// A phrase spelt again in traditional characters ("謝謝" for
				// "谢谢") is the same phrase, added once.
				k := seenKey{match.Key(p), cat, e.attrs, e.part, e.region}
				if seen[k] {
					continue
				}
				seen[k] = true
				e.attrs &^= attrSuffix
				suffix, isSuffix := strings.CutPrefix(p, "-")
				if isSuffix {
					e.attrs |= attrSuffix
				}
				e.upper = 0
				if e.attrs&attrCased != 0 && !isSuffix {
					e.upper = b.Capitals(p)
				}
				// Phrases whose entries are alike share one.
				id, shared := ids[e]
				if !shared {
					id = int32(len(lx.entries))
				}
				var err error
				if isSuffix {
					err = b.AddSuffix(suffix, id)
				} else {
					err = b.Add(p, id)
				}
				if err != nil {
					fail(n, col, "phrase %q: %s", clip(p), strings.TrimPrefix(err.Error(), "match: "))
				} else if !shared {
					lx.entries = append(lx.entries, e)
					ids[e] = id
				}
			}
		}
	}
	if lx.tag == language.Und && len(errs) == 0 {
		fail(1, 1, "missing 'language <tag>' line")
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	lx.scripts = scriptsOf(lx.tag)
	lx.region, _ = lx.tag.Region()
	if phrases {
		lx.set = b.Build()
		lx.markWords()
		lx.markVarieties()
		lx.once.Do(func() {}) // compiled already
	}
	return lx, nil
}

type seenKey struct {
	phrase string // as match.Key keys it
	cat    category
	attrs  attr
	part   PartOfDay
	region uint8
}

// opensSection reports whether line is a section header: whether its first
// character other than a blank is '['.
func opensSection(line []byte) bool {
	line = bytes.TrimLeft(line, " \t")
	return len(line) > 0 && line[0] == '['
}

// commentStart returns the index of the '#' that starts a comment in line,
// or -1: a '#' at the start or after a space.
func commentStart(line string) int {
	for i := 0; i < len(line); i++ {
		if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			return i
		}
	}
	return -1
}

// attrNames are the attributes a phrase can carry, by their name in data.
var attrNames = map[string]attr{
	"start": attrStart, "cased": attrCased, "formal": attrFormal,
	"informal": attrInformal, "end": attrEnd, "alone": attrAlone,
	"final": attrFinal, "asked": attrAsked, "stated": attrStated, "answer": attrAnswer,
	"clause": attrClause, "apart": attrApart,
}

// set applies the attribute a, or says what is wrong with it.
func (e *entry) set(a string) string {
	if f, ok := attrNames[a]; ok {
		if f&(attrAnswer|attrClause) != 0 && e.cat != catNegation {
			return fmt.Sprintf("attribute %q on a phrase that is not a negation", a)
		}
		if both := e.attrs | f; both&attrAsked != 0 && both&attrStated != 0 {
			return "attributes asked and stated together: the phrase would never count"
		}
		e.attrs |= f
		return ""
	}
	var p PartOfDay
	if p.UnmarshalText([]byte(a)) != nil || p == AnyTime {
		return fmt.Sprintf("unknown attribute %q", a)
	}
	if e.cat != category(Greeting) && e.cat != category(Closing) {
		return fmt.Sprintf("part of day %q on a phrase that is not a greeting or closing", a)
	}
	e.part = p
	return ""
}

// maxChoiceDepth bounds how deeply choices nest: the data has three levels
// at most, and expandSeq goes one call deeper for each.
const maxChoiceDepth = 16

// clip shortens text quoted in an error message to its first 60
// characters, so that a runaway line does not fill the message.
func clip(s string) string {
	n := 0
	for i := range s {
		if n == 60 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// expand returns the phrases a pattern with {a|b} choices stands for.
// Choices nest: {as i {already|} said|like i said}.
func expand(pattern string) ([]string, error) {
	out, rest, err := expandSeq(pattern, pattern, 0)
	if err == nil && rest != "" {
		err = fmt.Errorf("unexpected %q in %q", rest[0], clip(pattern))
	}
	if err != nil {
		return nil, err
	}
	for i, o := range out {
		out[i] = collapseSpaces(o)
	}
	return out, nil
}

// collapseSpaces trims s and turns runs of spaces into one, allocating only
// when something changes.
func collapseSpaces(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// expandSeq expands s up to an unmatched '|' or '}' at the given depth and
// returns what is left.
func expandSeq(pattern, s string, depth int) ([]string, string, error) {
	out := []string{""}
	for {
		i := strings.IndexAny(s, "{|}")
		if i < 0 || s[i] != '{' {
			if i < 0 {
				i = len(s)
			}
			for j := range out {
				out[j] += s[:i]
			}
			if i < len(s) && depth == 0 {
				return nil, "", fmt.Errorf("unexpected %q in %q", s[i], clip(pattern))
			}
			return out, s[i:], nil
		}
		if depth == maxChoiceDepth {
			return nil, "", fmt.Errorf("choices nest deeper than %d levels in %q", maxChoiceDepth, clip(pattern))
		}
		lit := s[:i]
		s = s[i+1:]
		var choices []string
		for {
			alts, rest, err := expandSeq(pattern, s, depth+1)
			if err != nil {
				return nil, "", err
			}
			choices = append(choices, alts...)
			if rest == "" {
				return nil, "", fmt.Errorf("unclosed '{' in %q", clip(pattern))
			}
			s = rest[1:]
			if rest[0] == '}' {
				break
			}
		}
		if len(out)*len(choices) > maxExpansions {
			return nil, "", fmt.Errorf("%q expands to more than %d phrases", clip(pattern), maxExpansions)
		}
		next := make([]string, 0, len(out)*len(choices))
		for _, o := range out {
			for _, c := range choices {
				next = append(next, o+lit+c)
			}
		}
		out = next
	}
}
