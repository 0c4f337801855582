package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rapportkit/rapport/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// handler is the service as the tests see it: the built-in policy, the
// test clock, a small body limit.
func handler(t testing.TB, cfg Config) http.Handler {
	t.Helper()
	return NewHandler(Default(WithClock(clock)), cfg)
}

// The bar scenes as request bodies.
const (
	barENJSON = `{"id": "bar-en", "channel": "in_person", "public": true,
	  "customer": {"name": "Marco", "status": "current", "locale": "en"},
	  "messages": [
	    {"role": "customer", "text": "One espresso, please.", "at": "2026-11-20T08:30:00+01:00"},
	    {"role": "customer", "text": "I'm still waiting for my espresso!", "at": "2026-11-20T08:35:00+01:00"}]}`
	barITJSON = `{"id": "bar-it", "channel": "in_person", "public": true,
	  "customer": {"name": "Marco", "status": "current", "locale": "it-IT"},
	  "messages": [
	    {"role": "customer", "text": "Un espresso, per favore.", "at": "2026-11-20T08:30:00+01:00"},
	    {"role": "customer", "text": "Sto ancora aspettando il mio espresso!", "at": "2026-11-20T08:35:00+01:00"}]}`
	salveJSON = `{"channel": "chat", "customer": {"locale": "it-IT"},
	  "messages": [{"role": "customer", "text": "Salve, vorrei cambiare il mio abbonamento."}]}`
)

// request is a /check body with the conversation and draft given.
func request(conversation, draft string) string {
	d, _ := json.Marshal(draft)
	return fmt.Sprintf(`{"conversation": %s, "draft": %s}`, conversation, d)
}

const jsonType = "application/json"

func TestHandler(t *testing.T) {
	h := handler(t, Config{MaxBytes: 4096})
	tests := []struct {
		name, reason        string
		method, path, ctype string
		body                string
		status              int
		allow               string // the Allow header, for 405
		action              string // for 200 on /check
		err                 string // the error, exactly, for 4xx
	}{{
		name: "en/send", reason: "a warm apology for the wait is sent",
		method: "POST", path: "/check", ctype: jsonType,
		body:   request(barENJSON, "Sorry for the wait — you're next, thank you for your patience!"),
		status: 200, action: "send",
	}, {
		name: "en/revise", reason: "a friendly reply that ignores five minutes of waiting is revised",
		method: "POST", path: "/check", ctype: jsonType,
		body:   request(barENJSON, "Coming right up!"),
		status: 200, action: "revise",
	}, {
		name: "en/block", reason: "the barman's hostile answer is blocked",
		method: "POST", path: "/check", ctype: jsonType,
		body:   request(barENJSON, "I'm working, you have to wait like all others!"),
		status: 200, action: "block",
	}, {
		name: "it/send", reason: "the Italian apology is sent",
		method: "POST", path: "/check", ctype: "application/json; charset=UTF-8",
		body:   request(barITJSON, "Mi scusi per l'attesa, arriva subito! Grazie per la pazienza."),
		status: 200, action: "send",
	}, {
		name: "it/revise", reason: "switching from Lei to tu is revised",
		method: "POST", path: "/check", ctype: jsonType,
		body:   request(salveJSON, "Buongiorno, la ringrazio: può cambiarlo dal sito, ma se vuoi ti mando il link."),
		status: 200, action: "revise",
	}, {
		name: "it/block", reason: "the barman's answer in Italian is blocked",
		method: "POST", path: "/check", ctype: jsonType,
		body:   request(barITJSON, "Sto lavorando, deve aspettare come tutti gli altri!"),
		status: 200, action: "block",
	}, {
		name: "it/lang", reason: "the request's tag decides the draft's language",
		method: "POST", path: "/check", ctype: jsonType,
		body: `{"conversation": {"customer": {"locale": "it"}, "messages": [{"role": "customer", "text": "Un espresso, per favore."}]},
		  "draft": "Salve! Arriva subito.", "lang": "it"}`,
		status: 200, action: "send",
	}, {
		name: "healthz", reason: "the health check names the policy",
		method: "GET", path: "/healthz", status: 200,
	}, {
		name: "healthz/HEAD", reason: "HEAD is GET without a body",
		method: "HEAD", path: "/healthz", status: 200,
	}, {
		name: "healthz/POST", reason: "the health check is read-only",
		method: "POST", path: "/healthz", ctype: jsonType, body: "{}",
		status: 405, allow: "GET, HEAD", err: "method POST is not allowed on /healthz: use GET",
	}, {
		name: "check/GET", reason: "a check has a body: POST only",
		method: "GET", path: "/check",
		status: 405, allow: "POST", err: "method GET is not allowed on /check: use POST",
	}, {
		name: "not found", reason: "unknown paths say what the service has",
		method: "GET", path: "/chek",
		status: 404, err: `no such endpoint "/chek": the service has POST /check and GET /healthz`,
	}, {
		name: "no content type", reason: "the body must say it is JSON",
		method: "POST", path: "/check", body: request(barENJSON, "Hi"),
		status: 415, err: "the Content-Type header is missing: send application/json",
	}, {
		name: "form", reason: "curl -d sends a form unless told otherwise",
		method: "POST", path: "/check", ctype: "application/x-www-form-urlencoded", body: request(barENJSON, "Hi"),
		status: 415, err: `the Content-Type "application/x-www-form-urlencoded" is not supported: send application/json`,
	}, {
		name: "latin-1", reason: "JSON is UTF-8",
		method: "POST", path: "/check", ctype: "application/json; charset=iso-8859-1", body: request(barENJSON, "Hi"),
		status: 415, err: `charset "iso-8859-1" is not supported: send UTF-8`,
	}, {
		name: "bad content type", reason: "a header that cannot be parsed is refused, not guessed at",
		method: "POST", path: "/check", ctype: "application/json; charset", body: request(barENJSON, "Hi"),
		status: 415, err: `the Content-Type header "application/json; charset" cannot be read (mime: invalid media parameter): send application/json`,
	}, {
		name: "syntax", reason: "a syntax error says its line and column",
		method: "POST", path: "/check", ctype: jsonType,
		body:   "{\"conversation\": {\"messages\": []},\n \"draft\": \"Hi\",\n}",
		status: 400, err: "invalid JSON at line 3, column 1 (byte 51): invalid character '}' looking for beginning of object key string",
	}, {
		name: "truncated", reason: "a body cut short says where it ends",
		method: "POST", path: "/check", ctype: jsonType, body: `{"draft": "Hi"`,
		status: 400, err: "the request body ends at line 1, column 15 (byte 14), inside the JSON object",
	}, {
		name: "empty body", reason: "there is no request at all",
		method: "POST", path: "/check", ctype: jsonType,
		status: 400, err: "the request body is empty: send a JSON object",
	}, {
		name: "array", reason: "the request is an object",
		method: "POST", path: "/check", ctype: jsonType, body: `[{"draft": "Hi"}]`,
		status: 400, err: "the request body is a JSON array: send a JSON object",
	}, {
		name: "wrong type", reason: "a field of the wrong type is named, with its position",
		method: "POST", path: "/check", ctype: jsonType, body: "{\"draft\": \"Hi\",\n \"conversation\": {\"messages\": [{\"role\": \"customer\", \"text\": 42}]}}",
		status: 400, err: `near line 2, column 62 (byte 77): field "conversation.messages.text" is a JSON number; want string`,
	}, {
		name: "unknown field", reason: "a misspelt field is not silently ignored",
		method: "POST", path: "/check", ctype: jsonType, body: `{"conversation": {"messages": []}, "drafts": "Hi"}`,
		status: 400, err: `bad request body: unknown field "drafts"`,
	}, {
		name: "unknown nested field", reason: "unknown fields inside the conversation are refused too",
		method: "POST", path: "/check", ctype: jsonType, body: `{"conversation": {"customer": {"nickname": "Ada"}}, "draft": "Hi"}`,
		status: 400, err: `bad request body: unknown field "nickname"`,
	}, {
		name: "two objects", reason: "one request per body",
		method: "POST", path: "/check", ctype: jsonType, body: "{\"draft\": \"Hi\"}\n{\"draft\": \"Hello\"}",
		status: 400, err: "the request body goes on after the JSON object, at line 2, column 1 (byte 16): send one object",
	}, {
		name: "empty draft", reason: "there is nothing to check",
		method: "POST", path: "/check", ctype: jsonType, body: `{"conversation": {"messages": []}, "draft": " "}`,
		status: 400, err: `"draft" is empty: there is nothing to check`,
	}, {
		name: "no draft", reason: "a missing draft is an empty one",
		method: "POST", path: "/check", ctype: jsonType, body: `{"conversation": {"messages": []}}`,
		status: 400, err: `"draft" is empty: there is nothing to check`,
	}, {
		name: "unknown role", reason: "the roles are customer, agent and bot",
		method: "POST", path: "/check", ctype: jsonType, body: `{"conversation": {"messages": [{"role": "manager", "text": "Hi"}]}, "draft": "Hi"}`,
		status: 400, err: `bad request body: rapport: unknown role "manager" (want one of ["customer" "agent" "bot"])`,
	}, {
		name: "no role", reason: "every message says who wrote it",
		method: "POST", path: "/check", ctype: jsonType, body: `{"conversation": {"id": "x", "messages": [{"text": "Hi"}]}, "draft": "Hi"}`,
		status: 400, err: `guard: invalid conversation: rapport: conversation "x": message 0 has no role`,
	}, {
		name: "bad time", reason: "times are RFC 3339",
		method: "POST", path: "/check", ctype: jsonType, body: `{"conversation": {"messages": []}, "draft": "Hi", "at": "8:35"}`,
		status: 400, err: `bad request body: parsing time "8:35" as "2006-01-02T15:04:05Z07:00": cannot parse "8:35" as "2006"`,
	}, {
		name: "bad lang", reason: "lang is a BCP 47 tag",
		method: "POST", path: "/check", ctype: jsonType, body: `{"conversation": {"messages": []}, "draft": "Hi", "lang": "english please"}`,
		status: 400, err: `lang "english please" is not a BCP 47 language tag: language: tag is not well-formed`,
	}, {
		name: "too large", reason: "bodies above the limit are refused",
		method: "POST", path: "/check", ctype: jsonType, body: request(barENJSON, strings.Repeat("Thank you! ", 400)),
		status: 413, err: "request body is larger than the limit of 4096 bytes",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, tt.path, strings.NewReader(tt.body))
			if tt.ctype != "" {
				r.Header.Set("Content-Type", tt.ctype)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Fatalf("%s\nstatus %d, want %d; body %s", tt.reason, w.Code, tt.status, w.Body)
			}
			if got := w.Header().Get("Allow"); got != tt.allow {
				t.Errorf("%s\nAllow: %q, want %q", tt.reason, got, tt.allow)
			}
			if got := w.Header().Get("Content-Type"); got != "application/json; charset=utf-8" {
				t.Errorf("Content-Type: %q, want JSON", got)
			}
			var got struct {
				Action, Error, Status, Policy string
			}
			if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
				t.Fatalf("response is not JSON: %v\n%s", err, w.Body)
			}
			switch {
			case tt.status >= 400 && got.Error != tt.err:
				t.Errorf("%s\nerror:\n got %s\nwant %s", tt.reason, got.Error, tt.err)
			case tt.path == "/check" && tt.status == 200 && got.Action != tt.action:
				t.Errorf("%s\naction %q, want %q; body %s", tt.reason, got.Action, tt.action, w.Body)
			case tt.path == "/healthz" && tt.status == 200 && (got.Status != "ok" || got.Policy != "first-impression"):
				t.Errorf("%s\nhealth %s, want status ok and policy first-impression", tt.reason, w.Body)
			}
		})
	}
}

// TestResponse checks the shape of a /check response: the draft's turn in
// every finding, the suggestions and the greeting reading of the draft.
func TestResponse(t *testing.T) {
	r := httptest.NewRequest("POST", "/check", strings.NewReader(request(barENJSON, "Coming right up!")))
	r.Header.Set("Content-Type", jsonType)
	w := httptest.NewRecorder()
	handler(t, Config{}).ServeHTTP(w, r)
	var got map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"action": "revise",
		"findings": []any{
			finding("listening/de-escalate", "major", `The customer is upset ("I'm still waiting"); the reply neither apologises nor shows understanding.`,
				[]any{"previous.hostile = true", `reply.has("empathy") = false`, `reply.has("apology") = false`},
				"Start by acknowledging how the customer feels, then answer."),
			finding("timeliness/acknowledge-wait", "major", "The customer waited 5m20s; the reply neither apologises for the wait nor thanks them for it.",
				[]any{"customer.waited = 5m20s", `reply.has("apology") = false`, `reply.has("gratitude") = false`},
				"Thank the customer for waiting, or apologise for the delay."),
			finding("timeliness/public-apology", "major", "A customer who waited 5m20s in public deserves an apology.",
				[]any{"conversation.public = true", "customer.waited = 5m20s", `reply.has("apology") = false`},
				"Apologise for the wait before anything else."),
		},
		"suggestions": []any{
			"Start by acknowledging how the customer feels, then answer.",
			"Thank the customer for waiting, or apologise for the delay.",
			"Apologise for the wait before anything else.",
		},
		"reading": map[string]any{
			"lang": "en", "greeting": nil, "closing": nil, "register": "unknown", "formality": 0.0,
			"politeness": 0.319, "hostile": false,
			"markers": []any{map[string]any{"strategy": "reassurance", "start": 0.0, "end": 15.0, "text": "Coming right up", "weight": 0.66}},
		},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("response (-want +got):\n%s", d)
	}
}

// finding is a finding about the draft of the bar scene (turn 2), as JSON.
func finding(rule, severity, message string, why []any, suggestion string) map[string]any {
	principle, _, _ := strings.Cut(rule, "/")
	return map[string]any{"rule": rule, "principle": principle, "severity": severity, "message": message,
		"turn": 2.0, "why": why, "suggestion": suggestion}
}

func TestDefaultLimit(t *testing.T) {
	body := request(salveJSON, strings.Repeat("Grazie! ", DefaultMaxBytes/8))
	r := httptest.NewRequest("POST", "/check", strings.NewReader(body))
	r.Header.Set("Content-Type", jsonType)
	w := httptest.NewRecorder()
	handler(t, Config{}).ServeHTTP(w, r)
	want := `{"error":"request body is larger than the limit of 1048576 bytes"}` + "\n"
	if w.Code != http.StatusRequestEntityTooLarge || w.Body.String() != want {
		t.Errorf("a %d-byte body: %d %s; want 413 %s", len(body), w.Code, w.Body, want)
	}
}

func TestOutOfTime(t *testing.T) {
	past, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel()
	r := httptest.NewRequest("POST", "/check", strings.NewReader(request(barENJSON, "Coming right up!"))).WithContext(past)
	r.Header.Set("Content-Type", jsonType)
	w := httptest.NewRecorder()
	handler(t, Config{Timeout: time.Hour}).ServeHTTP(w, r)
	want := `{"error":"the draft was not fully checked: context deadline exceeded"}` + "\n"
	if w.Code != http.StatusServiceUnavailable || w.Body.String() != want {
		t.Errorf("a request out of time: %d %s; want 503 %s", w.Code, w.Body, want)
	}
}

func TestRuleFailureLogged(t *testing.T) {
	g, err := New("tiers.policy", []byte("policy tiers \"Tiers\"\nprinciple care \"Care\"\n  rule vip critical block\n    when facts.tier > 2\n"))
	if err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	h := NewHandler(g, Config{Log: log.New(&logged, "", 0)})
	r := httptest.NewRequest("POST", "/check", strings.NewReader(request(salveJSON, "Buongiorno!")))
	r.Header.Set("Content-Type", jsonType)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	var res struct{ Action string }
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || w.Code != 200 || res.Action != "revise" {
		t.Errorf("a failing rule: %d %s; want 200 and revise: the rule's failure is a warning", w.Code, w.Body)
	}
	want := "guard: checking the draft at turn 1: ethics: tiers.policy:4:21: rule care/vip at turn 1: invalid operation: <nil> > int"
	if first, _, _ := strings.Cut(logged.String(), "\n"); first != want {
		t.Errorf("log:\n got %s\nwant %s", first, want)
	}
}

// TestConcurrent sends requests from many goroutines at once; run it with
// -race.
func TestConcurrent(t *testing.T) {
	srv := httptest.NewServer(handler(t, Config{Timeout: time.Minute}))
	defer srv.Close()
	cases := []struct{ body, action string }{
		{request(barENJSON, "Sorry for the wait — you're next, thank you for your patience!"), "send"},
		{request(barENJSON, "I'm working, you have to wait like all others!"), "block"},
		{request(barITJSON, "Mi scusi per l'attesa, arriva subito! Grazie per la pazienza."), "send"},
		{request(barITJSON, "Sto lavorando, deve aspettare come tutti gli altri!"), "block"},
		{request(salveJSON, "Buongiorno, la ringrazio: può cambiarlo dal sito, ma se vuoi ti mando il link."), "revise"},
	}
	var wg sync.WaitGroup
	for i := range 4 * len(cases) {
		c := cases[i%len(cases)]
		wg.Go(func() {
			for range 3 {
				resp, err := srv.Client().Post(srv.URL+"/check", jsonType, strings.NewReader(c.body))
				if err != nil {
					t.Error(err)
					return
				}
				var got struct{ Action string }
				err = json.NewDecoder(resp.Body).Decode(&got)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 || got.Action != c.action {
					t.Errorf("status %d, action %q (%v); want 200 %s", resp.StatusCode, got.Action, err, c.action)
				}
			}
		})
	}
	wg.Wait()
}

// TestShutdown stops the service while a request is in flight: the
// listener closes, and the request still gets its answer.
func TestShutdown(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	h := handler(t, Config{})
	gate := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/check" {
			close(entered)
			<-release
		}
		h.ServeHTTP(w, r)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(gate, time.Second, log.New(io.Discard, "", 0))
	stopping := make(chan struct{})
	srv.RegisterOnShutdown(func() { close(stopping) })
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	served := make(chan error, 1)
	go func() { served <- serve(ctx, srv, ln) }()

	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	url := "http://" + ln.Addr().String()
	type answer struct {
		status int
		body   string
		err    error
	}
	answered := make(chan answer, 1)
	go func() {
		resp, err := client.Post(url+"/check", jsonType, strings.NewReader(request(barENJSON, "I'm working, you have to wait like all others!")))
		if err != nil {
			answered <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		answered <- answer{resp.StatusCode, string(b), err}
	}()

	<-entered  // the check is in flight
	stop()     // what SIGINT does to main's context
	<-stopping // Shutdown has begun, and closed the listener
	if resp, err := client.Get(url + "/healthz"); err == nil {
		resp.Body.Close()
		t.Errorf("a new request was answered (%s) after shutdown began", resp.Status)
	}
	close(release)
	a := <-answered
	if a.err != nil || a.status != 200 || !strings.HasPrefix(a.body, `{"action":"block",`) {
		t.Errorf("the request in flight got %d %.60s (%v); want 200 and the block", a.status, a.body, a.err)
	}
	if err := <-served; err != nil {
		t.Errorf("serve: %v; want nil after a clean shutdown", err)
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	shopFile := filepath.Join(dir, "shop.policy")
	badFile := filepath.Join(dir, "bad.policy")
	if err := os.WriteFile(shopFile, []byte(shop), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(badFile, []byte("policy shop \"Shop\"\nprinciple care \"Care\"\n  rule thanks\n    when reply.thanks\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stopped, stop := context.WithCancel(context.Background())
	stop() // run serves until its context is done: here, at once
	tests := []struct {
		name, reason string
		args         []string
		err          string // the first line of the error; "" for none
		log          string // what stderr must contain
	}{{
		name: "default policy", reason: "with no -policy the built-in policy is served",
		args: []string{"-addr", "127.0.0.1:0"},
		log:  "serving policy first-impression on http://127.0.0.1:",
	}, {
		name: "policy file", reason: "-policy loads the company's own policy",
		args: []string{"-addr", "127.0.0.1:0", "-policy", shopFile, "-max-bytes", "2048", "-timeout", "100ms"},
		log:  "serving policy shop on http://127.0.0.1:",
	}, {
		name: "help", reason: "-h prints the flags",
		args: []string{"-h"}, err: "flag: help requested", log: "-max-bytes",
	}, {
		name: "unknown flag", reason: "a typo is an error, not a default",
		args: []string{"-port", "80"}, err: "flag provided but not defined: -port",
	}, {
		name: "arguments", reason: "guard takes no arguments",
		args: []string{"serve"}, err: `unexpected arguments ["serve"]: guard takes only flags`,
	}, {
		name: "max-bytes", reason: "a limit must leave room for a request",
		args: []string{"-max-bytes", "0"}, err: "-max-bytes 0: want a positive number of bytes",
	}, {
		name: "timeout", reason: "an evaluation needs some time",
		args: []string{"-timeout", "-1s"}, err: "-timeout -1s: want a positive duration",
	}, {
		name: "missing policy", reason: "the file's name is in the error",
		args: []string{"-policy", filepath.Join(dir, "missing.policy")},
		err:  "open " + filepath.Join(dir, "missing.policy") + ": no such file or directory",
	}, {
		name: "bad policy", reason: "policy errors point into the file",
		args: []string{"-policy", badFile},
		err:  badFile + ":4:16: reply and previous have no field thanks (they have: text, lang, turn, role, author, politeness, formality, register, hostile, hostile_text, greeting, greeting_part, greeting_fits, closing, words, takes_up, courtesy_only, has, count)",
	}, {
		name: "bad address", reason: "the listener's error is reported",
		args: []string{"-addr", "127.0.0.1:99999"}, err: "listen tcp: address 99999: invalid port",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			err := run(stopped, tt.args, &stderr)
			got := ""
			if err != nil {
				got, _, _ = strings.Cut(err.Error(), "\n")
			}
			if got != tt.err {
				t.Errorf("%s\nrun(%q):\n got error %q\nwant error %q", tt.reason, tt.args, got, tt.err)
			}
			if !strings.Contains(stderr.String(), tt.log) {
				t.Errorf("%s\nstderr lacks %q:\n%s", tt.reason, tt.log, &stderr)
			}
		})
	}
}

// TestGolden runs every request of testdata/requests.jsonl through the
// handler and compares the answers with testdata/responses.golden.
func TestGolden(t *testing.T) {
	h := handler(t, Config{})
	f, err := os.Open(filepath.Join("testdata", "requests.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	lines := bufio.NewScanner(f)
	lines.Buffer(nil, DefaultMaxBytes)
	for n := 1; lines.Scan(); n++ {
		line := lines.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		r := httptest.NewRequest("POST", "/check", bytes.NewReader(line))
		r.Header.Set("Content-Type", jsonType)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		var req struct{ Draft string }
		json.Unmarshal(line, &req) // for the heading; bad lines are part of the test
		fmt.Fprintf(&out, "=== requests.jsonl:%d %q\n%d %s\n", n, req.Draft, w.Code, http.StatusText(w.Code))
		if err := json.Indent(&out, w.Body.Bytes(), "", "  "); err != nil {
			t.Fatalf("requests.jsonl:%d: the response is not JSON: %v\n%s", n, err, w.Body)
		}
		out.WriteString("\n")
	}
	if err := lines.Err(); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "responses.golden"), out.String(), *update)
}
