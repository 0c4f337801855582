package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rapportkit/rapport"
)

// TestHTMLEscaping feeds the report text written to break out of it: tags in
// ids, names, authors and messages, and a hostile reply whose findings mark
// words next to the tags.
func TestHTMLEscaping(t *testing.T) {
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	c := rapport.Conversation{
		ID: `x</title><script>alert(1)</script>`, Channel: rapport.ChannelChat,
		Customer: rapport.Customer{Name: `"><img src=x onerror=alert(2)>`, Status: rapport.Current},
		Messages: []rapport.Message{
			{Role: rapport.RoleCustomer, Text: "<b>Hello</b> & where is my order?", At: at},
			{Role: rapport.RoleAgent, Author: `a"b<i>`, At: at.Add(4 * time.Minute),
				Text: "<script>alert('pwned')</script> I'm working, you have to wait like all others!"},
		},
	}
	line, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	r := runReview(t, string(line)+"\n", "-quiet", "-title", "QA <script>alert(3)</script>")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, bad := range []string{"<script", "<img", "<b>", "<i>"} {
		if strings.Contains(r.html, bad) {
			t.Errorf("the report contains %q", bad)
		}
	}
	for _, want := range []string{
		"<title>QA &lt;script&gt;alert(3)&lt;/script&gt;</title>",
		"x&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
		"customer &#34;&gt;&lt;img src=x onerror=alert(2)&gt;",
		"&lt;b&gt;Hello&lt;/b&gt; &amp; where is my order?",
		"a&#34;b&lt;i&gt;",
		"&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; <mark title=\"respect/no-dismissal, respect/no-hostility\">I&#39;m working</mark>",
	} {
		if !strings.Contains(r.html, want) {
			t.Errorf("the report lacks %s", want)
		}
	}
	if n := strings.Count(r.html, "<svg"); n < 3 {
		t.Errorf("%d inline SVG charts, want the histogram, the criteria and the agents' bars", n)
	}
}

func TestMark(t *testing.T) {
	type sp = ruleSpan
	s := func(a, b int, rule string) ruleSpan { return sp{rapport.Span{Start: a, End: b}, rule} }
	tests := []struct {
		name, reason string
		text         string
		spans        []ruleSpan
		want         []segment
	}{
		{"no spans", "the text as it is", "Hello there", nil,
			[]segment{{Text: "Hello there"}}},
		{"one span", "marked with its rule", "I'm working, sorry", []ruleSpan{s(0, 11, "r/a")},
			[]segment{{Text: "I'm working", Rules: "r/a", Mark: true}, {Text: ", sorry"}}},
		{"overlap", "overlapping findings split into runs, each with every rule covering it",
			"abcdef", []ruleSpan{s(0, 4, "r/b"), s(2, 6, "r/a")},
			[]segment{{Text: "ab", Rules: "r/b", Mark: true}, {Text: "cd", Rules: "r/a, r/b", Mark: true}, {Text: "ef", Rules: "r/a", Mark: true}}},
		{"same rule twice", "one rule is named once, and its adjacent runs merge",
			"abcdef", []ruleSpan{s(0, 3, "r/a"), s(3, 6, "r/a"), s(1, 2, "r/a")},
			[]segment{{Text: "abcdef", Rules: "r/a", Mark: true}}},
		{"out of range", "a span past the end, empty or reversed is left out",
			"abc", []ruleSpan{s(1, 9, "r/a"), s(2, 2, "r/b"), s(2, 1, "r/c"), s(-1, 1, "r/d")},
			[]segment{{Text: "abc"}}},
		{"inside a character", "a span that would split a character (0–5 ends inside the two bytes of è) is left out",
			"caffè!", []ruleSpan{s(0, 5, "r/a"), s(4, 7, "r/b")},
			[]segment{{Text: "caff"}, {Text: "è!", Rules: "r/b", Mark: true}}},
		{"empty text", "nothing to show", "", []ruleSpan{s(0, 1, "r/a")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, mark(tt.text, tt.spans)); d != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, d)
			}
		})
	}
}

// TestWorstHeap checks that the worst list keeps the n worst whatever the
// order they come in.
func TestWorstHeap(t *testing.T) {
	all := []*worst{
		{line: 1, score: 0.5}, {line: 2, score: 0}, {line: 3, score: 0.9}, {line: 4, score: 0, verdict: 2},
		{line: 5, score: 0, verdict: 2, weight: 12}, {line: 6, score: 0.2}, {line: 7, score: 0}, {line: 8, score: 1},
	}
	want := []int{5, 4, 2, 7}
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7}, {7, 6, 5, 4, 3, 2, 1, 0}, {3, 7, 0, 5, 1, 6, 2, 4}} {
		var h worstHeap
		for _, i := range order {
			h.offer(all[i], 4)
		}
		var got []int
		for _, w := range h.sorted() {
			got = append(got, w.line)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("order %v (-want +got):\n%s", order, d)
		}
	}
}

// checkSelfContained checks that a report uses only the tags it should and
// loads or runs nothing.
func checkSelfContained(t *testing.T, html string) {
	t.Helper()
	tags := map[string]bool{}
	for _, m := range regexp.MustCompile(`<([a-z0-9]+)`).FindAllStringSubmatch(html, -1) {
		tags[m[1]] = true
	}
	for tag := range tags {
		switch tag {
		case "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "div", "span", "strong",
			"code", "table", "tr", "th", "td", "svg", "g", "rect", "line", "text", "section", "mark", "ul", "li", "br":
		default:
			t.Errorf("the report uses <%s>", tag)
		}
	}
	for _, ref := range []string{"src=", "href=", "@import", "url("} {
		if strings.Contains(html, ref) {
			t.Errorf("the report refers to something outside it: %q", ref)
		}
	}
}
