package greeting

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// The evaluations below read the labelled development sets described in
// ../shared/data/README.md, print their figures, and fail when a figure
// drops below the floor recorded here (and in the README), or a false
// positive rate rises above its ceiling. Floors are the measured figures
// rounded down; raise them when the checker improves.
var floors = map[string]float64{
	"formality/de pairwise": 0.99, "formality/de register": 0.98,
	"formality/fr pairwise": 0.99, "formality/fr register": 0.98,
	"formality/it pairwise": 0.989, "formality/it register": 0.955,
	"formality/nl pairwise": 0.99, "formality/nl register": 0.97,
	"formality/pt pairwise": 0.99, "formality/pt register": 0.625,
	"formality/pt-PT pairwise": 0.99, "formality/pt-PT register": 0.89,
	"formality/es pairwise": 0.99, "formality/es register": 0.94,
	"formality/hi pairwise": 0.99, "formality/hi register": 0.968,
	"formality/ja pairwise": 0.99, "formality/ja register": 0.95,
	"formality/ko pairwise": 0.99, "formality/ko register": 0.955,
	"formality/vi pairwise": 0.99, "formality/vi register": 0.96,

	"multidogo-airline greeting F1": 0.94, "multidogo-airline closing F1": 0.74, "multidogo-airline gratitude F1": 0.815,
	"multidogo-fastfood greeting F1": 0.945, "multidogo-fastfood closing F1": 0.74, "multidogo-fastfood gratitude F1": 0.931,
	"multidogo-airline greeting act F1": 0.975, "multidogo-airline closing act F1": 0.83, "multidogo-airline gratitude act F1": 0.84,
	"multidogo-fastfood greeting act F1": 0.965, "multidogo-fastfood closing act F1": 0.73, "multidogo-fastfood gratitude act F1": 0.88,

	"davidson-en hostile precision": 0.974, "davidson-en hostile recall": 0.87,
	"germeval2018-de hostile precision": 0.756, "germeval2018-de hostile recall": 0.494,
	"cold-zh hostile precision": 0.87, "cold-zh hostile recall": 0.402,

	"detect/de accuracy": 0.991, "detect/es accuracy": 0.993, "detect/fr accuracy": 0.994,
	"detect/hi accuracy": 0.99, "detect/it accuracy": 0.985, "detect/ja accuracy": 0.99,
	"detect/ko accuracy": 0.99, "detect/nl accuracy": 0.99, "detect/pt accuracy": 0.98,
	"detect/vi accuracy": 0.995, "detect/en accuracy": 0.99,

	"service/de rude recall": 0.508, "service/en rude recall": 0.584, "service/es rude recall": 0.596,
	"service/fr rude recall": 0.571, "service/hi rude recall": 0.446, "service/it rude recall": 0.5,
	"service/ja rude recall": 0.596, "service/ko rude recall": 0.571, "service/nl rude recall": 0.434,
	"service/pt rude recall": 0.508, "service/ru rude recall": 0.471,
	"service/vi rude recall": 0.521, "service/zh rude recall": 0.633,

	"politeness/es accuracy": 0.971, "politeness/fr accuracy": 0.946,
	"politeness/ru accuracy": 0.971, "politeness/vi accuracy": 0.93,
	"politeness/hi accuracy": 0.946, "politeness/ko accuracy": 0.93,

	"posts/es offensive recall": 0.879,
	"posts/fr offensive recall": 0.9,
	"posts/hi offensive recall": 0.679,
	"posts/it offensive recall": 0.85,
	"posts/ja offensive recall": 0.83,
	"posts/ko offensive recall": 0.913,
	"posts/nl offensive recall": 0.83,
	"posts/pt offensive recall": 0.88,
	"posts/ru offensive recall": 0.85,
	"posts/vi offensive recall": 0.813,
}

// ceilings bound the false positive rates: hostility read into harmless
// posts and ordinary talk, and listening credited to replies that take up
// nothing.
var ceilings = map[string]float64{
	"davidson-en hostile false-positive rate":     0.10,
	"germeval2018-de hostile false-positive rate": 0.08,
	"cold-zh hostile false-positive rate":         0.06,

	"detect/de wrong": 0.005, "detect/es wrong": 0.011, "detect/fr wrong": 0.005,
	"detect/hi wrong": 0.001, "detect/it wrong": 0.005, "detect/ja wrong": 0.001,
	"detect/ko wrong": 0.001, "detect/nl wrong": 0.005, "detect/pt wrong": 0.011,
	"detect/vi wrong": 0.008, "detect/en wrong": 0.001,

	"listening/de stock replies credited": 0.05, "listening/en stock replies credited": 0.045,
	"listening/es stock replies credited": 0.045, "listening/fr stock replies credited": 0.075,
	"listening/hi stock replies credited": 0.016, "listening/it stock replies credited": 0.035,
	"listening/nl stock replies credited": 0.06, "listening/pt stock replies credited": 0.05,
	"listening/vi stock replies credited": 0.006,

	"ordinary/de hostile": 0.02, "ordinary/es hostile": 0.02, "ordinary/fr hostile": 0.015,
	"ordinary/hi hostile": 0.01, "ordinary/it hostile": 0.01, "ordinary/ja hostile": 0.02,
	"ordinary/ko hostile": 0.024, "ordinary/nl hostile": 0.012, "ordinary/pt hostile": 0.021,
	"ordinary/vi hostile": 0.021, "listening/ja stock replies credited": 0.01,
	"listening/ko stock replies credited": 0.02,

	"service/de civil hostile": 0.025, "service/en civil hostile": 0.025, "service/es civil hostile": 0.025,
	"service/fr civil hostile": 0.025, "service/hi civil hostile": 0.025, "service/it civil hostile": 0.025,
	"service/ja civil hostile": 0.025, "service/ko civil hostile": 0.025, "service/nl civil hostile": 0.025,
	"service/pt civil hostile": 0.025, "service/ru civil hostile": 0.025,
	"service/vi civil hostile": 0.025, "service/zh civil hostile": 0.025,

	"posts/es harmless hostile": 0.184, "posts/es harmless hostile, not by swearing alone": 0.05,
	"posts/fr harmless hostile": 0.15, "posts/fr harmless hostile, not by swearing alone": 0.034,
	"posts/hi harmless hostile": 0.084, "posts/hi harmless hostile, not by swearing alone": 0.034,
	"posts/it harmless hostile": 0.134, "posts/it harmless hostile, not by swearing alone": 0.034,
	"posts/ja harmless hostile": 0.117, "posts/ja harmless hostile, not by swearing alone": 0.084,
	"posts/ko harmless hostile": 0.15, "posts/ko harmless hostile, not by swearing alone": 0.117,
	"posts/nl harmless hostile": 0.15, "posts/nl harmless hostile, not by swearing alone": 0.05,
	"posts/pt harmless hostile": 0.15, "posts/pt harmless hostile, not by swearing alone": 0.034,
	"posts/ru harmless hostile": 0.084, "posts/ru harmless hostile, not by swearing alone": 0.067,
	"posts/vi harmless hostile": 0.084, "posts/vi harmless hostile, not by swearing alone": 0.052,
}

// figure is one measured number on one data set.
type figure struct {
	key   string // "set/lang measure", the key into floors
	n     int
	value float64
}

func report(t *testing.T, figs []figure) {
	t.Helper()
	var b strings.Builder
	for _, f := range figs {
		floor, hasFloor := floors[f.key]
		ceiling, hasCeiling := ceilings[f.key]
		mark := ""
		switch {
		case hasFloor && f.value < floor-1e-9:
			mark = fmt.Sprintf("  BELOW FLOOR %.3f", floor)
			t.Errorf("%s = %.3f (n=%d), below the recorded %.3f", f.key, f.value, f.n, floor)
		case hasCeiling && f.value > ceiling+1e-9:
			mark = fmt.Sprintf("  ABOVE CEILING %.3f", ceiling)
			t.Errorf("%s = %.3f (n=%d), above the recorded %.3f", f.key, f.value, f.n, ceiling)
		case !hasFloor && !hasCeiling:
			mark = "  (not guarded)"
		}
		fmt.Fprintf(&b, "%-48s n=%-6d %.3f%s\n", f.key, f.n, f.value, mark)
	}
	t.Log("\n" + b.String())
}

func openData(t *testing.T, parts ...string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(append([]string{dataDir}, parts...)...))
	if os.IsNotExist(err) {
		t.Skip("development data not found at", dataDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func readLines(t *testing.T, parts ...string) []string {
	t.Helper()
	b, err := io.ReadAll(openData(t, parts...))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

// formalityLangs returns the languages of the formality sets, one folder
// each, skipping the test when the data is absent.
func formalityLangs(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dataDir, "formality"))
	if os.IsNotExist(err) {
		t.Skip("development data not found at", dataDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var langs []string
	for _, e := range entries {
		langs = append(langs, e.Name())
	}
	return langs
}

// TestFormalityPairs measures formality on professional translations of the
// same English line, once formal and once informal (CoCoA-MT; IWSLT 2023 for
// ko and vi): pairwise accuracy is how often the formal twin scores higher;
// register accuracy how often each twin gets its own register. Pairs whose
// two translations are the same text are left out.
func TestFormalityPairs(t *testing.T) {
	c := Default()
	var figs []figure
	for _, lang := range formalityLangs(t) {
		for _, variety := range append([]string{lang}, varieties[lang]...) {
			figs = append(figs, formalityPairs(t, c, lang, variety)...)
		}
	}
	report(t, figs)
}

// varieties are the regional tags a formality set is measured with besides
// its language's: the Portuguese pairs are European Portuguese ("estou a
// dizer", "tem de"), while pt alone is Brazil's.
var varieties = map[string][]string{"pt": {"pt-PT"}}

// formalityPairs measures the formality set of lang read as variety.
func formalityPairs(t *testing.T, c *Checker, lang, variety string) []figure {
	tag := language.Make(variety)
	var pairs, wins, regOK int
	for _, domain := range []string{"telephony", "topical_chat"} {
		formal := readLines(t, "formality", lang, domain+".formal.txt")
		informal := readLines(t, "formality", lang, domain+".informal.txt")
		if len(formal) != len(informal) {
			t.Fatalf("%s/%s: %d formal lines, %d informal", lang, domain, len(formal), len(informal))
		}
		for i := range formal {
			if formal[i] == informal[i] {
				continue // the translators used no form of address: nothing to tell apart
			}
			f, in := c.Check(formal[i], tag), c.Check(informal[i], tag)
			pairs++
			if f.Formality > in.Formality {
				wins++
			}
			if f.Register == Formal {
				regOK++
			}
			if in.Register == Informal {
				regOK++
			}
		}
	}
	return []figure{
		{"formality/" + variety + " pairwise", pairs, float64(wins) / float64(pairs)},
		{"formality/" + variety + " register", 2 * pairs, float64(regOK) / float64(2*pairs)},
	}
}

// prf returns precision, recall and F1.
func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// TestGreetingsMultiDoGO measures greeting, closing and gratitude detection
// on customer turns of customer-service chats, labelled with intents.
//
// The labels give each turn one intent: a greeting that opens a request is
// labelled as the request, thanks after "ok" often as a confirmation. So
// each strategy is measured two ways: found in the turn (Report.Has), and
// as the turn's act (found, and the turn is Report.CourtesyOnly). Beside
// them stands the labels' ceiling: the best F1 any reading of the text
// alone could reach, since the same text carries different labels ("ok
// thanks" is thanks 37 times and a confirmation 19 times in one set).
func TestGreetingsMultiDoGO(t *testing.T) {
	type count struct{ tp, fp, fn int }
	labels := []struct {
		intent string
		s      Strategy
	}{{"openinggreeting", Greeting}, {"closinggreeting", Closing}, {"thankyou", Gratitude}}
	var figs []figure
	c := Default()
	for _, domain := range []string{"airline", "fastfood"} {
		r := csv.NewReader(openData(t, "greetings", "multidogo-"+domain+".tsv"))
		r.Comma = '\t'
		r.LazyQuotes = true
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		found, act := make([]count, len(labels)), make([]count, len(labels))
		tally := func(c *count, want, got bool) {
			switch {
			case want && got:
				c.tp++
			case got:
				c.fp++
			case want:
				c.fn++
			}
		}
		texts := make([]map[string][2]int, len(labels)) // per label: a text's turns without and with it
		for i := range texts {
			texts[i] = map[string][2]int{}
		}
		for _, row := range rows[1:] {
			intents := strings.Split(row[5], "<div>")
			rep := c.Check(row[3], language.English)
			text := strings.Join(strings.Fields(strings.ToLower(row[3])), " ")
			for i, l := range labels {
				want, got := slices.Contains(intents, l.intent), rep.Has(l.s)
				tally(&found[i], want, got)
				tally(&act[i], want, got && rep.CourtesyOnly)
				n := texts[i][text]
				if want {
					n[1]++
				} else {
					n[0]++
				}
				texts[i][text] = n
			}
		}
		for i, l := range labels {
			key := "multidogo-" + domain + " " + l.s.String()
			n := found[i].tp + found[i].fn
			p, rc, f := prf(found[i].tp, found[i].fp, found[i].fn)
			figs = append(figs, figure{key + " precision", n, p}, figure{key + " recall", n, rc}, figure{key + " F1", n, f})
			p, rc, f = prf(act[i].tp, act[i].fp, act[i].fn)
			figs = append(figs, figure{key + " act precision", n, p}, figure{key + " act recall", n, rc}, figure{key + " act F1", n, f},
				figure{key + " label limit F1", n, ceilingF1(texts[i])})
		}
	}
	report(t, figs)
}

// ceilingF1 returns the best F1 a reader that sees only the text can reach
// on labels that give the same text different labels: counts holds, for
// each text, its turns without and with the label. The best reader takes
// the texts in the order of their share of labelled turns, down to the
// share where F1 peaks.
func ceilingF1(counts map[string][2]int) float64 {
	groups := slices.Collect(maps.Values(counts))
	slices.SortFunc(groups, func(a, b [2]int) int { return cmp.Compare(b[1]*(a[0]+a[1]), a[1]*(b[0]+b[1])) })
	positives := 0
	for _, g := range groups {
		positives += g[1]
	}
	best, tp, fp := 0.0, 0, 0
	for _, g := range groups {
		tp, fp = tp+g[1], fp+g[0]
		_, _, f := prf(tp, fp, positives-tp)
		best = max(best, f)
	}
	return best
}

// TestHostilityOffensive measures the hostile flag on offensive-language
// sets: precision and recall against the offensive label, and the false
// positive rate on the posts labelled harmless.
func TestHostilityOffensive(t *testing.T) {
	type post struct {
		text      string
		offensive bool
	}
	sets := []struct {
		name string
		tag  language.Tag
		load func() []post
	}{
		{"davidson-en", language.English, func() []post {
			rows := readCSV(t, ',', "offensive", "davidson-en.csv")
			var out []post
			for _, r := range rows[1:] {
				out = append(out, post{r[6], r[5] != "2"})
			}
			return out
		}},
		{"germeval2018-de", language.German, func() []post {
			var out []post
			for _, line := range readLines(t, "offensive", "germeval2018-de-train.tsv") {
				if r := strings.Split(line, "\t"); len(r) == 3 {
					out = append(out, post{r[0], r[1] == "OFFENSE"})
				}
			}
			return out
		}},
		{"cold-zh", language.Chinese, func() []post {
			rows := readCSV(t, ',', "offensive", "cold-zh-dev.csv")
			var out []post
			for _, r := range rows[1:] {
				out = append(out, post{r[4], r[3] == "1"})
			}
			return out
		}},
	}
	c := Default()
	var figs []figure
	for _, s := range sets {
		var tp, fp, fn, negatives int
		for _, p := range s.load() {
			got := c.Check(p.text, s.tag).Hostile
			switch {
			case p.offensive && got:
				tp++
			case got:
				fp++
			case p.offensive:
				fn++
			}
			if !p.offensive {
				negatives++
			}
		}
		pr, rc, _ := prf(tp, fp, fn)
		figs = append(figs,
			figure{s.name + " hostile precision", tp + fp, pr},
			figure{s.name + " hostile recall", tp + fn, rc},
			figure{s.name + " hostile false-positive rate", negatives, float64(fp) / float64(max(negatives, 1))})
	}
	report(t, figs)
}

func readCSV(t *testing.T, comma rune, parts ...string) [][]string {
	t.Helper()
	r := csv.NewReader(openData(t, parts...))
	r.Comma = comma
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestDetection measures language detection on the formality sets: every
// line, formal and informal, is in the set's language, and the English
// source lines are in English. Accuracy counts lines detected as their
// language; the wrong rate counts lines confidently detected as another
// language (ok true), the error that makes a policy warn about a reply
// in the wrong language. Lines with no evidence fall back and count as
// neither.
func TestDetection(t *testing.T) {
	c := Default()
	var figs []figure
	measure := func(lang string, lines []string) {
		want := language.Make(lang)
		right, wrong := 0, 0
		confused := map[string]int{}
		for _, l := range lines {
			got, ok := c.Detect(l)
			switch {
			case ok && got == want:
				right++
			case ok:
				wrong++
				confused[got.String()]++
			}
		}
		n := len(lines)
		figs = append(figs, figure{"detect/" + lang + " accuracy", n, float64(right) / float64(n)},
			figure{"detect/" + lang + " wrong", n, float64(wrong) / float64(n)})
		if testing.Verbose() && wrong > 0 {
			t.Logf("%s read as: %v", lang, confused)
		}
	}
	var english []string
	for _, lang := range formalityLangs(t) {
		var lines []string
		for _, domain := range []string{"telephony", "topical_chat"} {
			for _, register := range []string{"formal", "informal"} {
				lines = append(lines, readLines(t, "formality", lang, domain+"."+register+".txt")...)
			}
			if lang == "de" { // the English sources are the same lines for every language
				english = append(english, readLines(t, "formality", lang, domain+".source-en.txt")...)
			}
		}
		measure(lang, lines)
	}
	measure("en", english)
	report(t, figs)
}

// stockReplies are replies that take up nothing a customer wrote: thanks,
// an apology and a request for details, as any message could get them.
// Written for this test, in English and each language of the formality
// sets.
var stockReplies = map[string][]string{
	"en": {
		"Thank you for your message. We will look into this and get back to you as soon as we can.",
		"I understand, and I am sorry about that. Let me see what I can do for you.",
		"Could you tell me a bit more, so that I can help you with this?",
	},
	"de": {
		"Vielen Dank für Ihre Nachricht. Wir kümmern uns darum und melden uns so schnell wie möglich bei Ihnen.",
		"Das verstehe ich, und es tut mir leid. Ich schaue, was ich für Sie tun kann.",
		"Können Sie mir noch etwas mehr dazu sagen, damit ich Ihnen helfen kann?",
	},
	"es": {
		"Gracias por su mensaje. Lo revisaremos y le responderemos lo antes posible.",
		"Lo entiendo y lo siento mucho. Déjeme ver qué puedo hacer por usted.",
		"¿Podría contarme un poco más, para que pueda ayudarle con esto?",
	},
	"fr": {
		"Merci pour votre message. Nous allons examiner cela et revenir vers vous dès que possible.",
		"Je comprends, et j'en suis désolé. Je vais voir ce que je peux faire pour vous.",
		"Pourriez-vous m'en dire un peu plus, afin que je puisse vous aider ?",
	},
	"hi": {
		"आपके संदेश के लिए धन्यवाद। हम इसे देखेंगे और जल्द से जल्द आपसे संपर्क करेंगे।",
		"मैं समझता हूँ, और इसके लिए माफ़ी चाहता हूँ। देखता हूँ कि मैं आपके लिए क्या कर सकता हूँ।",
		"क्या आप मुझे इसके बारे में थोड़ा और बता सकते हैं, ताकि मैं आपकी मदद कर सकूँ?",
	},
	"it": {
		"Grazie per il suo messaggio. Verificheremo e le risponderemo al più presto.",
		"Capisco, e mi dispiace molto. Vediamo cosa posso fare per lei.",
		"Potrebbe dirmi qualcosa in più, così posso aiutarla?",
	},
	"ja": {
		"お問い合わせいただきありがとうございます。確認のうえ、できるだけ早くご連絡いたします。",
		"ご不便をおかけして申し訳ございません。何ができるか確認いたします。",
		"もう少し詳しく教えていただけますか。お手伝いできるようにいたします。",
	},
	"ko": {
		"문의해 주셔서 감사합니다. 확인 후 최대한 빨리 연락드리겠습니다.",
		"불편을 드려 죄송합니다. 제가 무엇을 도와드릴 수 있는지 알아보겠습니다.",
		"조금 더 자세히 말씀해 주시겠어요? 그래야 도와드릴 수 있습니다.",
	},
	"nl": {
		"Bedankt voor uw bericht. We zoeken het uit en nemen zo snel mogelijk contact met u op.",
		"Dat begrijp ik, en het spijt me. Ik kijk wat ik voor u kan doen.",
		"Kunt u mij er iets meer over vertellen, zodat ik u kan helpen?",
	},
	"pt": {
		"Obrigado pela sua mensagem. Vamos verificar e retornaremos o mais rápido possível.",
		"Eu entendo, e sinto muito por isso. Vou ver o que posso fazer por você.",
		"Poderia me contar um pouco mais, para que eu possa ajudar?",
	},
	"vi": {
		"Cảm ơn quý khách đã liên hệ. Chúng tôi sẽ kiểm tra và phản hồi sớm nhất có thể.",
		"Tôi hiểu, và rất xin lỗi về điều đó. Để tôi xem tôi có thể làm gì cho quý khách.",
		"Quý khách có thể cho tôi biết thêm một chút để tôi hỗ trợ được không?",
	},
}

// TestListeningStockReplies measures how often a stock reply is credited
// with listening: the share of pairs of a message with content words and a
// reply from stockReplies where the reply takes up any of them. The
// messages are the lines of the formality sets (CoCoA-MT, IWSLT 2023), both
// twins, and their English source.
func TestListeningStockReplies(t *testing.T) {
	c := Default()
	var figs []figure
	langs := append(formalityLangs(t), "en")
	slices.Sort(langs)
	for _, lang := range langs {
		replies, ok := stockReplies[lang]
		if !ok {
			continue
		}
		tag := language.Make(lang)
		var reps []Report
		for _, r := range replies {
			reps = append(reps, c.Check(r, tag))
		}
		var pairs, credited int
		for _, line := range ordinaryLines(t, lang) {
			msg := c.Check(line, tag)
			if len(msg.Content) == 0 {
				continue
			}
			for i := range reps {
				pairs++
				if reps[i].TakesUp(&msg) > 0 {
					credited++
				}
			}
		}
		figs = append(figs, figure{"listening/" + lang + " stock replies credited", pairs, float64(credited) / float64(pairs)})
	}
	report(t, figs)
}

// TestHostilityOrdinary measures hostility read into ordinary talk: the
// share of the formality sets' lines (both twins, conversations about
// telephony and everyday topics, none of them offensive) read as hostile.
func TestHostilityOrdinary(t *testing.T) {
	c := Default()
	var figs []figure
	for _, lang := range formalityLangs(t) {
		tag := language.Make(lang)
		lines := ordinaryLines(t, lang)
		hostile := 0
		for _, line := range lines {
			if c.Check(line, tag).Hostile {
				hostile++
			}
		}
		figs = append(figs, figure{"ordinary/" + lang + " hostile", len(lines), float64(hostile) / float64(len(lines))})
	}
	report(t, figs)
}

// TestServiceReplies reads the blind sets of rude and civil service
// replies in testdata/service (see its README): recall of Hostile on the
// rude ones, and the share of civil ones read as hostile. They are in the
// repository, so this evaluation never skips.
func TestServiceReplies(t *testing.T) {
	var figs []figure
	for lang, lines := range blindSets(t, "service") {
		n, caught := share(lines, '-', hostile)
		m, flagged := share(lines, '+', hostile)
		figs = append(figs,
			figure{"service/" + lang + " rude recall", n, float64(caught) / float64(n)},
			figure{"service/" + lang + " civil hostile", m, float64(flagged) / float64(m)})
	}
	report(t, figs)
}

// TestHostilityBlind reads the blind sets of offensive and harmless posts
// in testdata/posts (see its README): recall of Hostile on the offensive
// ones, and the share of harmless ones read as hostile, all told and by
// more than swearing (which the sets' writers counted harmless when aimed
// at things, and offensive-language datasets mostly count offensive). They
// are in the repository, so this evaluation never skips.
func TestHostilityBlind(t *testing.T) {
	attacks := func(r Report) bool {
		return slices.ContainsFunc(r.Markers, func(m Marker) bool { return m.Strategy.Hostile() && m.Strategy != Profanity })
	}
	var figs []figure
	for lang, lines := range blindSets(t, "posts") {
		n, caught := share(lines, '-', hostile)
		m, flagged := share(lines, '+', hostile)
		_, attacked := share(lines, '+', attacks)
		figs = append(figs,
			figure{"posts/" + lang + " offensive recall", n, float64(caught) / float64(n)},
			figure{"posts/" + lang + " harmless hostile", m, float64(flagged) / float64(m)},
			figure{"posts/" + lang + " harmless hostile, not by swearing alone", m, float64(attacked) / float64(m)})
	}
	report(t, figs)
}

// TestPolitenessBlind reads the blind sets of requests between editors in
// testdata/politeness (see its README): accuracy of Politeness > 0 against
// the side each request was written for, as TyDiP counts it. They are in
// the repository, so this evaluation never skips.
func TestPolitenessBlind(t *testing.T) {
	var figs []figure
	for lang, lines := range blindSets(t, "politeness") {
		_, polite := share(lines, '+', func(r Report) bool { return r.Politeness > 0 })
		_, impolite := share(lines, '-', func(r Report) bool { return r.Politeness <= 0 })
		figs = append(figs, figure{"politeness/" + lang + " accuracy", len(lines), float64(polite+impolite) / float64(len(lines))})
	}
	report(t, figs)
}

// A checked line is a line of a blind set: the side it was written for
// ('+' or '-') and the report of its text.
type checked struct {
	side byte
	r    Report
}

// blindSets checks the blind sets in testdata/dir, one file per language
// named by its tag, each line a side ('+' or '-') and a text after a space,
// and yields each language with its lines, in the order of the files.
func blindSets(t *testing.T, dir string) iter.Seq2[string, []checked] {
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no blind sets in testdata/%s: %v", dir, err)
	}
	c := Default()
	return func(yield func(string, []checked) bool) {
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			lang := strings.TrimSuffix(filepath.Base(file), ".txt")
			var lines []checked
			for line := range strings.Lines(string(src)) {
				side, text, ok := strings.Cut(strings.TrimSpace(line), " ")
				if !ok || side != "-" && side != "+" {
					t.Fatalf("%s: %q: want a line starting with - or +", file, line)
				}
				lines = append(lines, checked{side[0], c.Check(text, language.Make(lang))})
			}
			if !yield(lang, lines) {
				return
			}
		}
	}
}

// share returns the number of lines of a side, and how many of them have
// the property.
func share(lines []checked, side byte, property func(Report) bool) (n, with int) {
	for _, l := range lines {
		if l.side == side {
			n++
			if property(l.r) {
				with++
			}
		}
	}
	return n, with
}

func hostile(r Report) bool { return r.Hostile }

// ordinaryLines returns the lines of the formality sets in lang, both
// twins of both domains; for English, the English sources they were
// translated from (kept with the German set).
func ordinaryLines(t *testing.T, lang string) []string {
	t.Helper()
	var lines []string
	for _, domain := range []string{"telephony", "topical_chat"} {
		if lang == "en" {
			lines = append(lines, readLines(t, "formality", "de", domain+".source-en.txt")...)
			continue
		}
		for _, twin := range []string{"formal", "informal"} {
			lines = append(lines, readLines(t, "formality", lang, domain+"."+twin+".txt")...)
		}
	}
	return lines
}
