package greeting

import (
	"embed"
	"fmt"
	"io/fs"
	"math"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rapportkit/rapport"
	"github.com/rapportkit/rapport/internal/match"
	"golang.org/x/text/language"
)

//go:embed data/*.txt data/*.tables
var builtin embed.FS

// A Checker reads messages with compiled phrase data for a set of languages.
// Build one with [New], or use the package-level [Check], which shares a
// checker for every built-in language. A Checker is immutable and safe for
// concurrent use; the zero value is not usable.
type Checker struct {
	langs   []*lexicon // the first is the fallback when nothing is detected
	matcher language.Matcher
	common  match.Index  // folded common word → its index in detect
	detect  []uint64     // by common word: the bit set of the langs it is common in
	pool    sync.Pool    // of *scratch
	matched sync.Map     // language.Tag → its matched: the matcher's answers, kept
	nMatch  atomic.Int32 // entries in matched, bounded by maxMatched
}

// maxMatched bounds the tags whose match a Checker keeps, so that a stream
// of made-up tags cannot grow it without end.
const maxMatched = 256

// An Option configures a Checker.
type Option func(*options) error

type options struct {
	only  []language.Tag
	extra []*lexicon
}

// WithLanguages limits the checker to the built-in languages closest to tags.
// It is an error if a tag has no built-in data.
func WithLanguages(tags ...language.Tag) Option {
	return func(o *options) error {
		o.only = append(o.only, tags...)
		return nil
	}
}

// WithData adds a language from phrase data in the format described in the
// package documentation. name is used in error messages. Data for a
// language the checker already has replaces the built-in data.
func WithData(name string, src []byte) Option {
	return func(o *options) error {
		lx, err := parseLexicon(name, src, true)
		if err != nil {
			return err
		}
		o.extra = append(o.extra, lx)
		return nil
	}
}

// New returns a Checker for the built-in languages, configured by opts.
func New(opts ...Option) (*Checker, error) {
	var o options
	for _, opt := range opts {
		if err := opt(&o); err != nil {
			return nil, err
		}
	}
	shared, err := builtinLexicons()
	if err != nil {
		return nil, err
	}
	langs := slices.Clone(shared) // the built-in list is shared by every checker
	if len(o.only) > 0 {
		keep := make([]*lexicon, 0, len(o.only))
		m := language.NewMatcher(tagsOf(langs))
		for _, t := range o.only {
			_, i, conf := m.Match(t)
			if conf == language.No {
				return nil, fmt.Errorf("greeting: no built-in data for language %v", t)
			}
			if !slices.Contains(keep, langs[i]) {
				keep = append(keep, langs[i])
			}
		}
		langs = keep
	}
	for _, x := range o.extra {
		if i := slices.IndexFunc(langs, func(l *lexicon) bool { return l.tag == x.tag }); i >= 0 {
			langs[i] = x
		} else {
			langs = append(langs, x)
		}
	}
	c := &Checker{langs: langs, matcher: language.NewMatcher(tagsOf(langs)), detect: []uint64{0}}
	ids := map[string]uint32{}
	for i, l := range langs {
		if i >= 64 {
			break // detection covers the first 64 languages
		}
		for _, w := range l.common {
			id, ok := ids[w]
			if !ok {
				id = uint32(len(c.detect))
				ids[w] = id
				c.detect = append(c.detect, 0)
			}
			c.detect[id] |= 1 << i
		}
	}
	c.common = match.NewIndex(ids)
	c.pool.New = func() any { return new(scratch) }
	return c, nil
}

func tagsOf(langs []*lexicon) []language.Tag {
	tags := make([]language.Tag, len(langs))
	for i, l := range langs {
		tags[i] = l.tag
	}
	return tags
}

// builtinLexicons reads the headers of the embedded data, English first.
var builtinLexicons = sync.OnceValues(func() ([]*lexicon, error) {
	files, err := fs.Glob(builtin, "data/*.txt")
	if err != nil {
		return nil, err
	}
	// English is the fallback language and comes first; fs.Glob sorts the rest.
	if i := slices.Index(files, "data/en.txt"); i > 0 {
		files = slices.Insert(slices.Delete(files, i, i+1), 0, "data/en.txt")
	}
	var langs []*lexicon
	for _, f := range files {
		src, err := builtin.ReadFile(f)
		if err != nil {
			return nil, err
		}
		lx, err := parseLexicon(path.Base(f), src, false)
		if err != nil {
			return nil, err
		}
		langs = append(langs, lx)
	}
	return langs, nil
})

var defaultChecker = sync.OnceValue(func() *Checker {
	c, err := New()
	if err != nil {
		panic("greeting: built-in phrase data does not load: " + err.Error())
	}
	return c
})

// Default returns the checker for every built-in language, built on first use.
func Default() *Checker { return defaultChecker() }

// Check reads text with the default checker. lang is the language the text
// is written in; language.Und asks the checker to detect it.
func Check(text string, lang language.Tag) Report { return Default().Check(text, lang) }

// Languages returns the languages the checker has data for, the fallback
// first.
func (c *Checker) Languages() []language.Tag { return tagsOf(c.langs) }

type scratch struct {
	text    match.Text
	sc      match.Scratch
	found   []match.Match
	markers []Marker
	counts  [numStrategies]int
	content contentBuf
}

// maxPooled is the largest text whose buffers are kept for reuse.
const maxPooled = 1 << 20

// Check reads text, written in lang (language.Und to detect it). Tags
// resolve to the closest language with data (pt-BR finds pt); for a tag
// with no close match the language is detected, and Report.Lang says which
// data was used. The tag's region, given or likely, picks the regional
// variety: with pt-PT, "seu" is the reader's under the polite address, as
// in Portugal; with pt-BR it is anyone's, as in Brazil. With a tag that
// names no region (pt alone) or a detected language, the text's words may
// mark the variety ("estou a verificar" is Portugal's, "estou verificando"
// Brazil's); when they do not, the likely region (Brazil for pt) is read.
// Any string is accepted, including invalid UTF-8.
func (c *Checker) Check(text string, lang language.Tag) Report {
	s := c.pool.Get().(*scratch)
	defer c.put(s, text)
	s.text.KeepAccents = false
	s.text.Reset(text)
	lx, region, given := c.pick(lang, &s.text)
	return c.read(lx, region, given, s, text)
}

// CheckOr reads text in the language it is written in, detected; when the
// text gives no evidence of its language (a short "OK!"), it reads it in
// fallback instead. It tokenises the text once, where Detect then Check
// would twice.
func (c *Checker) CheckOr(text string, fallback language.Tag) Report {
	s := c.pool.Get().(*scratch)
	defer c.put(s, text)
	s.text.KeepAccents = false
	s.text.Reset(text)
	i, ok := c.detectLang(&s.text)
	lx, region, given := c.langs[i], c.langs[i].region, false
	if !ok {
		lx, region, given = c.pick(fallback, &s.text)
	}
	return c.read(lx, region, given, s, text)
}

// read reads the tokenised text in s with lexicon lx, in the variety of
// region, or, unless the region was given, of the region the text's words
// mark.
func (c *Checker) read(lx *lexicon, region language.Region, given bool, s *scratch, text string) Report {
	lx = lx.compiled()
	if lx.keepAccents {
		s.text.KeepAccents = true
		s.text.Reset(text) // its words differ only in their accents
	}
	return lx.read(s, region, given)
}

// pick returns the lexicon for lang, or the detected one, and the region
// whose variety of its language the text is read in: lang's region, given
// or likely (pt-PT is Portugal, pt alone Brazil), or the detected
// language's likely one; given says whether lang names it.
func (c *Checker) pick(lang language.Tag, t *match.Text) (lx *lexicon, region language.Region, given bool) {
	if lang != language.Und {
		for _, l := range c.langs {
			if l.tag == lang {
				return l, l.region, false
			}
		}
		if m := c.match(lang); m.lang >= 0 {
			return c.langs[m.lang], m.region, m.given
		}
	}
	i, _ := c.detectLang(t)
	return c.langs[i], c.langs[i].region, false
}

// matched is the matcher's answer for a tag: the index of the closest
// language, or -1 when none is close, and the tag's region, given or likely.
type matched struct {
	lang   int
	region language.Region
	given  bool
}

// match returns the matcher's answer for lang.
func (c *Checker) match(lang language.Tag) matched {
	if m, ok := c.matched.Load(lang); ok {
		return m.(matched)
	}
	m := matched{lang: -1}
	if _, j, conf := c.matcher.Match(lang); conf != language.No {
		m.lang = j
		var conf language.Confidence
		m.region, conf = lang.Region()
		m.given = conf == language.Exact
	}
	if c.nMatch.Add(1) <= maxMatched {
		c.matched.Store(lang, m)
	}
	return m
}

// put returns s to the pool unless text was too long to keep its buffers.
func (c *Checker) put(s *scratch, text string) {
	if len(text) <= maxPooled {
		c.pool.Put(s)
	}
}

// read builds the report of the tokenised text in s, in the variety of
// region, or, unless the region was given, of the region its words mark.
func (lx *lexicon) read(s *scratch, region language.Region, given bool) Report {
	t := &s.text
	toks := t.Tokens
	s.found = lx.set.Find(t, &s.sc, s.found[:0])
	if lx.varieties {
		region, s.found = lx.variety(s.found, t, region, given)
	}
	found := lx.fitting(s.found, t, &s.sc, region)

	r := Report{Lang: lx.tag}
	var (
		next        int32 = 0 // tokens before next are covered by a chosen phrase
		cf, ce      int32 = -1, -1
		negatedTill int32 = -1 // markers starting before this token are negated
		negatedAt   int32 = -1 // the token after the last negation
		// the register evidence of the writer's own words, and of the words
		// they quote, which count only when their own carry none
		own, quote registerCues
		hedged     = int32(-1) // the first token of the last hedge or indirect request
		asked      []int       // the markers of an asked "Really?", "Seriously?"
		denied     bool        // a negation outside the phrases chosen says something is not so
	)
	s.counts = [numStrategies]int{}
	markers := s.markers[:0] // copied out at the end, at their number
	whole := false           // the chosen span was matched as a whole phrase
	var cats catSet          // the categories already read on the chosen span
	for _, m := range found {
		e := &lx.entries[m.Payload]
		same := m.First == cf && m.End == ce
		// A hostile phrase that starts inside a phrase chosen before and
		// goes on past it is read too where that phrase only judged,
		// questioned, opened bluntly or addressed the reader: "é mentira"
		// (criticism) does not hide "mentira sua". A courteous phrase
		// still softens what it claims ("xin bạn đừng", "不妨先去看看"),
		// and a neutral one claims its words.
		through := m.End > next && cats&^overlaid == 0 && hostileCats.has(e.cat)
		if m.First < next && !same && !through || same && (whole && e.attrs&attrSuffix != 0 || cats.has(e.cat) ||
			e.cat == catNegation && cats.has(catNeutral)) {
			continue // overlaps a phrase chosen before, an ending of a word matched whole, a second spelling of the same thing, or words a neutral phrase claims from a negation
		}
		if !same {
			whole = e.attrs&attrSuffix == 0
			cats = 0
		}
		cats = cats.with(e.cat)
		cf, ce, next = m.First, m.End, m.End
		cues := &own
		if e.attrs&(attrFormal|attrInformal) != 0 || e.cat == catFormal || e.cat == catInformal ||
			e.cat == category(FormalAddress) || e.cat == category(InformalAddress) {
			// Quoted words are someone else's (「ああ、持っている」と思いました),
			// unless the whole text is one quotation; quoted stops at the
			// first token outside one, mostly the first.
			if toks[m.First].Has(match.Quoted) && quoted(toks[m.First:m.End]) && !quoted(toks) {
				cues = &quote
			}
			if e.attrs&attrFormal != 0 || e.cat == catFormal {
				cues.formal += cueWeight
			}
			if e.attrs&attrInformal != 0 || e.cat == catInformal {
				cues.informal += cueWeight
			}
		}
		switch e.cat {
		case catNegation:
			scope := int32(3)
			if e.attrs&attrClause != 0 {
				scope = int32(len(toks)) // "Non è vero che sei un idiota": to the clause's end
			}
			if after := m.End; int(after) < len(toks) && toks[after].Flags&(match.Unspaced|match.WordStart|match.Break) == match.Unspaced|match.WordStart {
				// A negation before a word of syllables written apart
				// (Korean) negates that word: "안 돼요 포기하세요".
				scope = wordEnd(toks, after) - after
			}
			negatedTill, negatedAt = scopeEnd(toks, m.End, scope), m.End
			// A negation denies something ("still not done", "todavía no",
			// "还没有"), unless it is a word that answers, alone in its
			// clause ("No, that's all") or opening its sentence ("no
			// that's all thanks").
			alone := toks[m.First].Has(match.Break) && negatedTill == m.End
			answers := e.attrs&attrAnswer != 0 && (alone || toks[m.First].Has(match.SentenceStart))
			denied = denied || !answers
			continue
		case catFormal, catInformal:
			continue
		case catCommon, catNeutral:
			continue
		}
		st := Strategy(e.cat)
		// Thanks are negated only right after the negation ("not
		// grateful", "don't thank"): a word between is mostly an answer
		// before them ("no that's all thank you", "nothing else thanks").
		if st.negatable() && m.First < negatedTill && (st != Gratitude || m.First == negatedAt) {
			continue
		}
		if (st.Hostile() || st == Criticism) && quoted(toks[m.First:m.End]) {
			continue // quoting the customer's words is not saying them
		}
		switch {
		case st == Hedge || st == Indirect:
			hedged = m.First
		case st == Blame && (hedged >= 0 && hedged >= sentenceOf(toks, m.First) || lx.hedgedAfter(found, toks, m)) &&
			sentenceAsked(t, m.End):
			// a hedged question looks for the cause: "Haben Sie vielleicht
			// … falsch eingegeben?", "入力されたのはお客様ご自身でしょうか？"
			continue
		}
		if (st == Greeting || st == Factuality) && toks[m.First].Has(match.Break) && askedAfter(t, m.End) &&
			(m.End-m.First == 1 || st == Factuality && !wordsAfter(toks, int(toks[m.End-1].End))) {
			if st == Factuality {
				asked = append(asked, len(markers)) // the marker appended below
			}
			// "Hello?", "Hi??": is anyone there; "Really?", "Seriously?!",
			// and "¿En serio?" ending the message: disbelief. A longer
			// greeting asks ("How are you?"), and a longer emphasis
			// followed by more wonders ("¿En serio? ¿Quién lo hizo?").
			st = Impatience
		}
		if st == Apology && toks[m.First].Has(match.Break) && askedAfter(t, m.End) {
			continue // "Sorry?", "Scusi?", "Простите?": asking to hear it again
		}
		switch st {
		case FormalAddress:
			cues.formal += addressWeight
			cues.fAddr = true
		case InformalAddress:
			cues.informal += addressWeight
			cues.iAdr = true
		}
		span := rapport.Span{Start: int(toks[m.First].Start), End: int(toks[m.End-1].End)}
		markers = append(markers, Marker{Strategy: st, Span: span, Text: span.In(t.Src)})
		switch {
		case st == Greeting && r.Greeting == nil:
			r.Greeting = &Phrase{Text: span.In(t.Src), Span: span, PartOfDay: e.part}
			if name, ok := nameAfter(t, m.End, found); ok {
				markers = append(markers, Marker{Strategy: PersonalName, Span: name, Text: name.In(t.Src)})
			}
		case st == Closing:
			r.Closing = &Phrase{Text: span.In(t.Src), Span: span, PartOfDay: e.part}
		}
	}
	markers = surprise(markers, asked)
	markers = oneOfGreetingAndClosing(&r, markers, toks)
	markers = appendShouting(markers, t)
	sortByStart(markers)

	z := 0.0
	for i := range markers {
		m := &markers[i]
		s.counts[m.Strategy]++
		m.Weight = round3(weights[m.Strategy] / float64(s.counts[m.Strategy]))
		z += m.Weight
		r.Hostile = r.Hostile || m.Strategy.Hostile()
	}
	s.markers = markers
	r.Markers = append([]Marker{}, markers...) // never nil: the JSON form has "markers": []
	markers = r.Markers
	r.Words = len(toks)
	var first int
	r.Content, first = content(t, markers, &s.sc, lx, &s.content)
	r.CourtesyOnly = !r.Hostile && !denied && courtesyOnly(t, markers, len(r.Content), first)
	r.Politeness = round3(math.Tanh(z / 2))
	if own.formal+own.informal == 0 {
		own = quote // the register of the words quoted, when the writer's own have none
	}
	if own.formal+own.informal == 0 {
		own.informal = sloppiness(t) // the look of the text, when its words say nothing
	}
	r.Formality, r.Register = register(own.formal, own.informal, own.fAddr && own.iAdr)
	return r
}

// registerCues is the register evidence of a text: the weight of the cues
// on each side, and whether it has forms of address of each.
type registerCues struct {
	formal, informal float64
	fAddr, iAdr      bool
}

// The weights of register cues: a form of address (Lei, du, vous) says more
// than a register word (kindly, gonna) or the look of the text.
const (
	addressWeight = 1.0
	cueWeight     = 0.5
)

// sloppiness returns the informal weight of how a text is written, in
// scripts with capital letters: starting in lower case, or a run of "!!".
// It counts only in a text with no other register cue: a form of address
// or a word of register says more than how the text was typed, and
// transcripts and quick replies start in lower case in any register.
func sloppiness(t *match.Text) float64 {
	w := 0.0
	if len(t.Tokens) >= 3 && t.Tokens[0].Letters > 0 && !t.Tokens[0].Has(match.Upper) {
		w += cueWeight
	}
	for _, mk := range t.Marks {
		if mk.Bangs >= 2 {
			w += cueWeight
			break
		}
	}
	return w
}

// variety takes the matches of phrases that mark a regional variety out of
// found, in place, and returns the region a text of region is read in:
// unless the region was given, the region the text's variety phrases mark
// (the first of their in: list) when they mark it more often than any
// other ("estou a dizer" is Portugal's, where Brazil says "estou
// dizendo").
func (lx *lexicon) variety(found []match.Match, t *match.Text, region language.Region, given bool) (language.Region, []match.Match) {
	var marks [maxRegionSets + 1]uint32 // by entry.region
	kept := found[:0]
	for _, m := range found {
		e := &lx.entries[m.Payload]
		if e.cat != catVariety {
			kept = append(kept, m)
		} else if !given && fits(m, e, t, opening{at: -1}, m.End) {
			marks[e.region]++
		}
	}
	best, tie := 0, false
	for i, n := range marks[:len(lx.regions)+1] {
		switch {
		case n > marks[best]:
			best, tie = i, false
		case n == marks[best] && i != best:
			tie = true
		}
	}
	if best > 0 && !tie {
		region = lx.regions[best-1].list[0]
	}
	return region, kept
}

// fitting keeps, in place, the matches of found that meet their phrases'
// attributes, in a text of region. Find reports matches grouped by first
// token; fitting puts the longest first within each group, and whole
// phrases before word endings, keeping the order found otherwise.
func (lx *lexicon) fitting(found []match.Match, t *match.Text, sc *match.Scratch, region language.Region) []match.Match {
	toks := t.Tokens
	kana := lx.scripts&scriptKana != 0
	kept := found[:0]
	open := opening{at: -1}
	for k, m := range found {
		e := &lx.entries[m.Payload]
		if e.cat == catLaughter {
			continue // read only by the phrases before it (pastLaughter)
		}
		if e.attrs&conditions != 0 {
			end := m.End // where the phrase's clause goes on, laughter aside
			if e.attrs&(attrAlone|attrFinal|attrEnd) != 0 && lx.laughStarts.has(sc.WordID(int(m.End))) {
				end = lx.pastLaughter(toks, m.End, found[k+1:])
			}
			if !fits(m, e, t, open, end) || e.region != 0 && !lx.regions[e.region-1].has(region) {
				continue // out of place, or of another region ("seu" is your in Portugal, anyone's in Brazil)
			}
		}
		if kana && inKatakana(m, toks) {
			continue // part of a loanword: the クソ of ジャクソン
		}
		switch {
		case !toks[m.First].Has(match.SentenceStart):
		case e.cat == category(Greeting):
			open = opening{at: clauseAfter(toks, m.End)}
		case e.cat == category(DirectStart):
			open = opening{at: m.End, blunt: true} // "Ma perché…", "Grazie, ma perché…"
		}
		// an insertion sort of the group, which is small: stable
		i := len(kept)
		kept = append(kept, m)
		for ; i > 0 && kept[i-1].First == m.First && lx.before(m, kept[i-1]); i-- {
			kept[i] = kept[i-1]
		}
		kept[i] = m
	}
	return kept
}

// inKatakana reports whether match m starts or ends inside a word written
// in katakana: a loanword is no phrase of its letters (クソ in ジャクソン).
// A letter that starts no word continues the run of the letter before it.
func inKatakana(m match.Match, toks []match.Token) bool {
	const kana, start = match.Katakana, match.WordStart
	return toks[m.First].Flags&(kana|start) == kana && m.First > 0 && toks[m.First-1].Flags&kana != 0 ||
		toks[m.End-1].Flags&kana != 0 && int(m.End) < len(toks) && toks[m.End].Flags&(kana|start) == kana
}

// before reports whether match a goes before match b, which starts at the
// same token: it is longer, or as long and a whole phrase where b is a word
// ending, or as long and neutral where b is not (a neutral phrase of the
// same words claims them from a negation: "Nothing, thanks").
func (lx *lexicon) before(a, b match.Match) bool {
	if a.End != b.End {
		return a.End > b.End
	}
	ea, eb := &lx.entries[a.Payload], &lx.entries[b.Payload]
	if sa, sb := ea.attrs&attrSuffix, eb.attrs&attrSuffix; sa != sb {
		return sa < sb
	}
	return ea.cat == catNeutral && eb.cat != catNeutral
}

// conditions are the attributes that limit where a phrase counts.
const conditions = attrStart | attrApart | attrAlone | attrEnd | attrCased | attrFinal | attrAsked | attrStated | attrRegion

// An opening is where a sentence goes on after what opened it, where some
// phrases that must start a sentence may start too (see lets).
type opening struct {
	at    int32 // the token, or -1
	blunt bool  // what opened the sentence was a blunt opener ("But", "Ma"), not a greeting
}

// lets reports whether a phrase of category cat that must start a sentence
// may start at token i. The clause after an opening greeting takes any but
// a blunt opener, which the greeting softens ("Hola, ¿por qué…?"; "Hi, and
// thanks…"). The words after a blunt opener take only a question ("Ma
// perché l'hai cancellato?"): elsewhere their start says what a capital
// would ("Aber ihre Preise…" speaks of theirs, not of Ihre).
func (o opening) lets(i int32, cat category) bool {
	switch {
	case i != o.at:
		return false
	case o.blunt:
		return cat == category(DirectQuestion)
	}
	return cat != category(DirectStart)
}

// fits reports whether match m meets the conditions of its phrase's entry e,
// where the sentence may go on at open and m's clause goes on at token end
// (m.End, or past the laughter after m).
func fits(m match.Match, e *entry, t *match.Text, open opening, end int32) bool {
	toks := t.Tokens
	if e.attrs&attrStart != 0 && !toks[m.First].Has(match.SentenceStart) && !open.lets(m.First, e.cat) {
		return false
	}
	if e.attrs&attrApart != 0 && m.First > 0 && clauseGoesOn(toks, m.First) {
		return false // "Verschwinde, Pack!" insults; "3 Euro pro Pack" does not
	}
	if e.attrs&attrAlone != 0 && clauseGoesOn(toks, end) {
		return false // "Morning!" greets; "morning flight" does not
	}
	if e.attrs&attrFinal != 0 && !sentenceEndsAt(toks, end) {
		return false // "どうすればいいのか、": a clause inside the sentence
	}
	if e.attrs&(attrAsked|attrStated) != 0 && sentenceAsked(t, m.End) != (e.attrs&attrAsked != 0) {
		return false // "¿Vio la película?" asks the reader, "Vio la película." tells of someone; "Hai cancellato tu l'account." blames, "L'hai cancellato tu?" asks
	}
	if e.attrs&attrEnd != 0 {
		for _, tk := range toks[end:] {
			if !tk.Has(match.Symbol) {
				return false // words follow: not the end of the message
			}
		}
	}
	if e.attrs&attrCased != 0 {
		for i := m.First; i < m.End && i-m.First < 64; i++ {
			if e.upper>>(i-m.First)&1 == 0 {
				continue
			}
			if !toks[i].Has(match.Upper) || toks[i].Has(match.SentenceStart) || toks[i].Has(match.AllUpper) {
				return false // capitalised only because of its place, or shouted
			}
		}
	}
	return true
}

// clauseAfter returns the token that opens the clause after a greeting
// ending before token i, its name aside ("Hi, …", "Hallo Anna, …"), or -1
// when the greeting runs on ("Hi there everyone" is all greeting; "Hello and
// welcome" has no clause of its own).
func clauseAfter(toks []match.Token, i int32) int32 {
	for n := 0; int(i) < len(toks) && n < 3; i, n = i+1, n+1 {
		if toks[i].Has(match.Break) {
			if toks[i].Has(match.SentenceStart) {
				return -1 // a sentence of its own: start holds anyway
			}
			return i
		}
		if !toks[i].Has(match.Upper) {
			return -1 // a lower-case word: the greeting goes on into the sentence
		}
	}
	return -1
}

// pastLaughter returns the token after the laughter from token i to the end
// of its clause ("ゴミｗｗ", "shut up lol"), or i when no laughter ends the
// clause there; later are the matches found after the phrase ending at i,
// in order of their first tokens.
func (lx *lexicon) pastLaughter(toks []match.Token, i int32, later []match.Match) int32 {
	j := i
	for _, m := range later {
		if m.First > j {
			break
		}
		if m.First >= i && m.End > j && lx.entries[m.Payload].cat == catLaughter {
			j = m.End // "ｗｗ 笑": one laugh after another
		}
	}
	if j == i || clauseGoesOn(toks, j) {
		return i // words go on after the laughter: "haha you know"
	}
	return j
}

// clauseGoesOn reports whether token i goes on the clause of the token
// before it: it is a word, with no punctuation before it.
func clauseGoesOn(toks []match.Token, i int32) bool {
	return int(i) < len(toks) && !toks[i].Has(match.Break) && !toks[i].Has(match.Symbol)
}

// sentenceEndsAt reports whether a sentence ends before token i: no word
// follows, or the next word starts a sentence (symbols such as emoji aside).
func sentenceEndsAt(toks []match.Token, i int32) bool {
	for _, tk := range toks[i:] {
		if tk.Has(match.SentenceStart) {
			return true
		}
		if !tk.Has(match.Symbol) {
			return false
		}
	}
	return true
}

// sentenceOf returns the index of the first token of the sentence token i
// is in.
func sentenceOf(toks []match.Token, i int32) int32 {
	for i > 0 && !toks[i].Has(match.SentenceStart) {
		i--
	}
	return i
}

// hedgedAfter reports whether a hedge follows match b in its sentence,
// among the matches found, as Japanese and Korean put it at the end
// ("…入力されたのでしょうか？"). A hedge or an indirect request before b is
// known when b is read; an indirect request after it is mostly an aside
// ("…before reverting btw?").
func (lx *lexicon) hedgedAfter(found []match.Match, toks []match.Token, b match.Match) bool {
	end := sentenceEnd(toks, b.End)
	for _, m := range found {
		if m.First >= b.End && m.First < end && lx.entries[m.Payload].cat == category(Hedge) {
			return true
		}
	}
	return false
}

// sentenceAsked reports whether the sentence that goes on at token i ends
// in a question mark, or in a tag of a word or two that ¿ opens and ? closes
// ("Vive en Madrid, ¿verdad?"). i is at least 1.
func sentenceAsked(t *match.Text, i int32) bool {
	toks := t.Tokens
	i = sentenceEnd(toks, i)
	if askedAfter(t, i) {
		return true
	}
	if int(i) == len(toks) || !strings.Contains(t.Src[toks[i-1].End:toks[i].Start], "¿") {
		return false
	}
	end := sentenceEnd(toks, i+1)
	return end-i <= 2 && askedAfter(t, end)
}

// sentenceEnd returns the first token from i on that starts a sentence, or
// len(toks): the end of the sentence that goes on at token i.
func sentenceEnd(toks []match.Token, i int32) int32 {
	for int(i) < len(toks) && !toks[i].Has(match.SentenceStart) {
		i++
	}
	return i
}

// wordEnd returns the token after the word that token i starts.
func wordEnd(toks []match.Token, i int32) int32 {
	for i++; int(i) < len(toks) && !toks[i].Has(match.WordStart); i++ {
	}
	return i
}

// scopeEnd returns the token after the scope of a negation that ends at
// token from: up to n tokens, stopping at a clause break.
func scopeEnd(toks []match.Token, from, n int32) int32 {
	end := from
	for end < int32(len(toks)) && end < from+n && !toks[end].Has(match.Break) {
		end++
	}
	return end
}

// askedAfter reports whether a question mark follows token at-1 with no
// word between ("Hello?", and "Allô ?" with French spacing).
func askedAfter(t *match.Text, at int32) bool {
	end := t.Tokens[at-1].End
	for _, mk := range t.Marks {
		if mk.Start >= end && mk.After == at && mk.Questions > 0 {
			return true
		}
	}
	return false
}

func quoted(toks []match.Token) bool {
	for _, t := range toks {
		if !t.Has(match.Quoted) {
			return false
		}
	}
	return len(toks) > 0
}

// nameAfter finds a name right after a greeting ending at token at: a run of
// up to three capitalised words that no phrase claims, in the same clause
// ("Hi Marco"), or after a comma when the name ends the clause too
// ("Здравствуйте, Анна!", "Hello, Marco.").
func nameAfter(t *match.Text, at int32, found []match.Match) (rapport.Span, bool) {
	toks := t.Tokens
	if int(at) >= len(toks) {
		return rapport.Span{}, false
	}
	afterComma := toks[at].Has(match.Break) && !toks[at].Has(match.SentenceStart)
	end := at
	for end < int32(len(toks)) && end-at < 3 {
		tk := toks[end]
		if end == at && tk.Has(match.Break) && !afterComma || end > at && tk.Has(match.Break) ||
			!tk.Has(match.Upper) || tk.Flags&(match.Unspaced|match.Symbol) != 0 {
			break
		}
		if slices.ContainsFunc(found, func(m match.Match) bool { return m.First == end }) {
			break // "Hello Sir": a word of the phrase data, not a name
		}
		end++
	}
	if end == at || afterComma && int(end) < len(toks) && !toks[end].Has(match.Break) {
		return rapport.Span{}, false
	}
	return rapport.Span{Start: int(toks[at].Start), End: int(toks[end-1].End)}, true
}

// appendShouting adds shouting for runs of upper-case words and of three or
// more '!', and impatience for runs of '?' ("???", "?!"). A message counts
// as shouted whole when most of its letters are capitals, unless it is
// mostly in a script without case (VIP and SIM in Chinese or Hindi text).
func appendShouting(markers []Marker, t *match.Text) []Marker {
	toks := t.Tokens
	add := func(s Strategy, from, to int32) []Marker {
		span := rapport.Span{Start: int(from), End: int(to)}
		return append(markers, Marker{Strategy: s, Span: span, Text: span.In(t.Src)})
	}
	if t.Letters >= 8 && t.Upper*10 >= t.Letters*8 && t.Uncased < t.Letters {
		// the whole message is shouted
		first, last := -1, -1
		for i, tk := range toks {
			if tk.Has(match.AllUpper) {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first >= 0 && first != last {
			markers = add(Shouting, toks[first].Start, toks[last].End)
		}
	} else if t.Upper > 0 { // there are words in capitals
		for i := 0; i < len(toks); {
			if !toks[i].Has(match.AllUpper) {
				i++
				continue
			}
			j, letters := i, int32(0)
			for j < len(toks) && (toks[j].Has(match.AllUpper) || j > i && toks[j].Letters == 1 && toks[j].Has(match.Upper)) {
				letters += toks[j].Letters
				j++
			}
			if j-i >= 3 && letters >= 10 {
				markers = add(Shouting, toks[i].Start, toks[j-1].End)
			}
			i = j
		}
	}
	phrases := markers // the phrases found, in the order of the text
	for _, mk := range t.Marks {
		switch {
		case mk.Bangs >= 3 && !cheering(phrases, toks, mk):
			markers = add(Shouting, mk.Start, mk.End)
		case mk.Questions >= 2 || mk.Questions >= 1 && mk.Bangs >= 1:
			markers = add(Impatience, mk.Start, mk.End)
		}
	}
	return markers
}

// surprise drops the markers at asked, an asked "Really?" or "Seriously?"
// read as disbelief, that warmth follows (praise, thanks, reassurance,
// empathy) with nothing hostile or critical after them: "Really? That's
// great news!" is glad surprise.
func surprise(markers []Marker, asked []int) []Marker {
	for k := len(asked) - 1; k >= 0; k-- {
		i, warm := asked[k], false
		for _, m := range markers[i+1:] {
			if cold(m.Strategy) {
				warm = false
				break
			}
			warm = warm || warmth(m.Strategy)
		}
		if warm {
			markers = slices.Delete(markers, i, i+1)
		}
	}
	return markers
}

// oneOfGreetingAndClosing keeps one reading of a phrase that both greets
// and takes leave ("Buenas noches", "Boa noite"), read on the same words:
// before the rest of the message it greets, after it it closes; alone it
// stays both. It returns markers without the marker dropped.
func oneOfGreetingAndClosing(r *Report, markers []Marker, toks []match.Token) []Marker {
	g, c := r.Greeting, r.Closing
	if g == nil || c == nil || g.Span != c.Span {
		return markers
	}
	var drop Strategy
	switch {
	case g.Start > int(toks[0].Start):
		drop, r.Greeting = Greeting, nil
	case wordsAfter(toks, g.End):
		drop, r.Closing = Closing, nil
	default:
		return markers // the whole message
	}
	return slices.DeleteFunc(markers, func(m Marker) bool { return m.Strategy == drop && m.Span == g.Span })
}

// wordsAfter reports whether a token other than a symbol starts at or after
// the byte offset end.
func wordsAfter(toks []match.Token, end int) bool {
	for i := len(toks) - 1; i >= 0 && int(toks[i].Start) >= end; i-- {
		if !toks[i].Has(match.Symbol) {
			return true
		}
	}
	return false
}

// cheering reports whether the run of exclamation marks mk ends a sentence
// of warmth ("Thank you so much!!!", "Vielen Dank!!!", "Great news!!!"): one
// with a greeting, closing, thanks, praise, reassurance or empathy in it and
// nothing hostile or critical. Its marks are glee, not shouting. phrases are
// the markers of the text's phrases, in the order of the text.
func cheering(phrases []Marker, toks []match.Token, mk match.Mark) bool {
	from := int32(0) // where the sentence the run ends starts
	for i := min(int(mk.After), len(toks)) - 1; i >= 0; i-- {
		if toks[i].Has(match.SentenceStart) {
			from = toks[i].Start
			break
		}
	}
	warm := false
	for _, m := range phrases {
		if int32(m.End) <= from || int32(m.Start) >= mk.Start {
			continue
		}
		switch {
		case cold(m.Strategy):
			return false
		case warmth(m.Strategy) || m.Strategy == Greeting || m.Strategy == Closing:
			warm = true
		}
	}
	return warm
}

// warmth reports whether s warms a message: thanks, praise, reassurance,
// empathy.
func warmth(s Strategy) bool {
	switch s {
	case Gratitude, Deference, Reassurance, Empathy:
		return true
	}
	return false
}

// cold reports whether s takes the warmth out of what it stands beside:
// hostility and criticism.
func cold(s Strategy) bool { return s.Hostile() || s == Criticism }

// sortByStart puts markers in the order of their starts, keeping the order
// of those that start together. Most are in order already: the phrases are
// chosen in the order of the text, and only shouting is appended after them.
func sortByStart(markers []Marker) {
	for i := 1; i < len(markers); i++ {
		if markers[i].Start < markers[i-1].Start {
			slices.SortStableFunc(markers, func(a, b Marker) int { return a.Start - b.Start })
			return
		}
	}
}

// register turns counts of formal and informal cues into a formality score
// and a register.
func register(formal, informal float64, bothAddresses bool) (float64, Register) {
	if formal+informal == 0 {
		return 0, Unknown
	}
	f := round3((formal - informal) / (formal + informal + 1))
	switch {
	case bothAddresses:
		return f, Mixed
	case f >= 0.2:
		return f, Formal
	case f <= -0.2:
		return f, Informal
	}
	return f, Mixed
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
