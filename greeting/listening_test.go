package greeting_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/greeting"
	"golang.org/x/text/language"
)

func TestTakesUp(t *testing.T) {
	tests := []struct {
		name        string
		lang        language.Tag
		prev, reply string
		want        float64
		reason      string
	}{
		{"answers", language.English,
			"My parcel has not arrived and the tracking page is empty.",
			"I've checked your parcel: the tracking page updates tonight and it arrives tomorrow.",
			0.8, "parcel, tracking and page are taken up, and arrived by arrives (same first four letters); empty is not"},
		{"ignores", language.English,
			"My parcel has not arrived and the tracking page is empty.",
			"Thank you for contacting us. Have a nice day!",
			0, "a reply of courtesy alone takes up nothing"},
		{"half", language.English,
			"The invoice shows the wrong address.",
			"Sorry about that! I will correct the invoice now.",
			0.25, "invoice is taken up; shows, wrong and address are not"},
		{"function words are not content", language.English,
			"What about the refund you promised?",
			"We will look into what we can do about this.",
			0, "what and about are function words, which any reply shares with any message; refund and promised are not taken up"},
		{"courtesy is not content", language.English,
			"Good morning, thanks!",
			"Anything else I can do?",
			1, "the customer's greeting and thanks carry no content words: nothing to take up"},
		{"inflection", language.Italian,
			"Il pacco non è ancora arrivato a Torino.",
			"Il suo pacco arriva domani mattina.",
			2.0 / 3, "arrivato and arriva share their first four letters, pacco is repeated; Torino is not taken up, and ancora is a function word, not content",
		},
		{"unspaced", language.Japanese,
			"荷物がまだ届きません。",
			"お荷物は明日届きます。",
			1, "pairs of characters: 荷物, the customer's one content word, is taken up; pairs with hiragana (物が, だ届, 届き, がま, ませ) hold particles, endings and okurigana, not content",
		},
		{"empty customer message", language.English,
			"", "Hello! How can I help?",
			1, "nothing to take up reads as fully taken up"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev, reply := greeting.Check(tt.prev, tt.lang), greeting.Check(tt.reply, tt.lang)
			if got := reply.TakesUp(&prev); !near(got, tt.want) {
				t.Errorf("TakesUp = %.3f, want %.3f (prev content %q, reply content %q): %s", got, tt.want, prev.Content, reply.Content, tt.reason)
			}
		})
	}
}

func TestFunctionWordsFromData(t *testing.T) {
	// A language's function section, not a list built in, decides which
	// words are never content: here a made-up list calls "parcel" one.
	src := "language en\n[greeting]\nhello\n[function]\nparcel Arrived\n"
	c, err := greeting.New(greeting.WithLanguages(language.English), greeting.WithData("house.txt", []byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	r := c.Check("Hello, my parcel arrived broken. Parcels arrive late.", language.English)
	if want := []string{"brok", "parc", "arri", "late"}; !slices.Equal(r.Content, want) {
		t.Errorf("Content = %q, want %q: parcel and arrived are function words here, whatever their case; parcels and arrive are other words", r.Content, want)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestWordsAndContentStayOutOfJSON(t *testing.T) {
	r := greeting.Check("Your parcel arrives tomorrow.", language.English)
	if r.Words != 4 || len(r.Content) != 3 {
		t.Fatalf("Words = %d, Content = %q; want 4 words, 3 of them content words (parc arri tomo; your is a function word)", r.Words, r.Content)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back greeting.Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Words != 0 || back.Content != nil {
		t.Errorf("decoded report has Words %d, Content %q; the JSON form should carry neither", back.Words, back.Content)
	}
	if got := back.TakesUp(&r); got != 0 {
		t.Errorf("a decoded report takes up %.2f, want 0: it has no content words", got)
	}
}

func TestContentWords(t *testing.T) {
	// Content words are distinct and in the order of their first use, in a
	// short text and in one of more words than the kept buffers take.
	var huge strings.Builder
	for i := range 70000 {
		// the numbers 10000 to 79999, out of order; their first four
		// digits are 7000 distinct content words
		fmt.Fprintf(&huge, "%d ", 10000+i*7919%70000)
	}
	hugeFirst := []string{"1000", "1791", "2583"} // 10000, 17919, 25838
	tests := []struct {
		name, text string
		lang       language.Tag
		first      []string // the first content words
		want       int      // distinct content words
		reason     string
	}{
		{"shared prefixes", "приветствую приветливый привет приветствую прибыл", language.Russian,
			[]string{"прив", "приб"}, 2,
			"Cyrillic letters take two bytes: прив and приб share their first six bytes, and прив appears four times"},
		{"pairs", "荷物荷造荷物", language.Japanese, []string{"荷物", "物荷", "荷造", "造荷"}, 4,
			"荷物 appears twice; 物荷 and 荷造, 造荷 once"},
		{"function characters", "我们可以改订单", language.Chinese, []string{"以改", "改订", "订单"}, 3,
			"我们, 们可 and 可以 are pairs of two function characters; a pair with one content character stays"},
		{"korean endings", "주문이 있어요", language.Korean, []string{"주문", "문이"}, 2,
			"있어 and 어요 are a stem and an ending of grammar; 주문 (order) is content"},
		{"laughter", "ahahah the parcel arrived broken lol", language.English, []string{"parc", "arri", "brok"}, 3,
			"a laugh is never a content word"},
		{"huge", huge.String(), language.English, hugeFirst, 7000,
			"more words than a kept table takes: the set is made for the text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := greeting.Check(tt.text, tt.lang)
			seen := make(map[string]bool)
			for _, w := range r.Content {
				if seen[w] {
					t.Fatalf("Content has %q twice", w)
				}
				seen[w] = true
			}
			if len(r.Content) != tt.want {
				t.Errorf("%d content words, want %d: %s", len(r.Content), tt.want, tt.reason)
			}
			if len(r.Content) < len(tt.first) || !slices.Equal(r.Content[:len(tt.first)], tt.first) {
				t.Errorf("Content starts %q, want %q: the order of first use", r.Content[:min(len(r.Content), len(tt.first))], tt.first)
			}
		})
	}
}

func TestTakesUpWords(t *testing.T) {
	// TakesUp compares words by their bytes, whatever their length, and
	// however many there are.
	many := func(n int, prefix string) []string {
		var ws []string
		for i := range n {
			ws = append(ws, fmt.Sprintf("%s%03d", prefix, i))
		}
		return ws
	}
	tests := []struct {
		name        string
		prev, reply []string
		want        float64
		reason      string
	}{
		{"long words alike at both ends",
			[]string{"abcdefgh-one-ijklmnop", "abcdefgh-two-ijklmnop"}, []string{"abcdefgh-one-ijklmnop"},
			0.5, "words of more than 16 bytes that differ only in the middle are different words"},
		{"short words", []string{"a", "ab", "abc", "abcd"}, []string{"abc", "abcde"},
			0.25, "a word is not taken up by a longer one that starts with it"},
		{"many words", many(200, "w"), append(many(100, "w"), many(100, "x")...),
			0.5, "more words than the table on the stack takes"},
		{"empty word", []string{"", "b"}, []string{""}, 0.5, "an empty word is a word like any other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev, reply := greeting.Report{Content: tt.prev}, greeting.Report{Content: tt.reply}
			if got := reply.TakesUp(&prev); !near(got, tt.want) {
				t.Errorf("TakesUp = %.3f, want %.3f: %s", got, tt.want, tt.reason)
			}
		})
	}
}

func TestCourtesyOnly(t *testing.T) {
	// Each language's table holds its own courtesy-only messages; these
	// are the rules that hold in all of them.
	tests := []struct {
		name   string
		lang   language.Tag
		text   string
		want   bool
		reason string
	}{
		{"greeting", language.English, "Hi!", true, "a greeting alone"},
		{"thanks and goodbye", language.English, "Thanks, bye!", true, "thanks and a closing"},
		{"acknowledged thanks", language.English, "ok thank you", true, "an acknowledgement before the thanks is no content"},
		{"thanks for the help", language.English, "Thank you so much for your help!", true, "what the thanks are for is part of them"},
		{"apology", language.English, "Sorry for the wait!", false, "an apology names what it is for, which a reply takes up"},
		{"request", language.English, "Hi, I need my boarding pass", false, "a greeting that opens a request"},
		{"no courtesy", language.English, "ok", false, "nothing social is said: an answer"},
		{"please alone", language.English, "please", false, "please asks for something not said"},
		{"empty", language.English, "", false, "nothing at all"},
		{"name after greeting", language.English, "Hi Robin!", true, "the reader's name right after the greeting"},
		{"title and name", language.English, "Good morning, Mrs Smith", true, "a title and surname after a greeting are one name"},
		{"title with a full stop", language.English, "Good evening Mr. Patel", true, "the full stop of the title ends no sentence: Patel is part of the name"},
		{"name in lower case", language.English, "hello robin", true, "a text in lower case writes names in lower case"},
		{"lower-case word in a cased text", language.English, "Hi Robin, hi refund", false, "two words besides the courtesy: more than a name"},
		{"uncapitalised word", language.English, "Hi refund, says Ann", false, "in a text with capitals inside sentences a name is capitalised"},
		{"word after a sentence end", language.English, "Hi. Refund.", false, "a name does not start a new sentence"},
		{"word before the courtesy", language.English, "Refund, thanks", false, "a name follows the courtesy"},
		{"hostile", language.English, "hi idiot", false, "an insult is not courtesy, though it stands where a name would"},
		{"thanks and a question", language.English, "Thanks, and when?", false, "a question of grammar words alone still asks"},
		{"greeting that asks after the reader", language.English, "Hi Anna, how are you?", true, "the question is the greeting's own"},
		{"how are you in grammar words", language.French, "Bonjour Marie, ça va ?", true, "after a greeting, a question of grammar words asks after the reader"},
		{"opening question mark", language.Spanish, "Hola Ana, ¿todo bien?", true, "¿ opens the question the greeting asks"},
		{"thanks and a negation", language.English, "Thanks, not yet", false, "a negation that negates something answers: not yet"},
		{"a no that answers", language.English, "No, that's all, thanks", true, "the No that declines more help negates nothing after it"},
		{"thanks and a complaint", language.English, "Thanks, still not done", false, "criticism is no courtesy"},
		{"chinese negation", language.Chinese, "谢谢，还是没好", false, "没好: still not fixed"},
		{"thanks with content", language.English, "Thanks, the parcel arrived", false, "news of the parcel is content"},
		{"unspaced name", language.Japanese, "田中さん、ありがとうございます", false, "in scripts without spaces a name is not told from content"},
		{"japanese thanks", language.Japanese, "ご対応ありがとうございました", true, "thanks for the help given"},
		{"korean thanks", language.Korean, "도와주셔서 감사합니다", true, "thanks for helping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := greeting.Check(tt.text, tt.lang)
			if r.CourtesyOnly != tt.want {
				t.Errorf("%q: CourtesyOnly = %v, want %v (content words %q): %s", tt.text, r.CourtesyOnly, tt.want, r.Content, tt.reason)
			}
		})
	}
}
