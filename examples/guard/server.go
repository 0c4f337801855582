package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/rapportkit/rapport"
	"golang.org/x/text/language"
)

// DefaultMaxBytes is the largest request body the service accepts unless
// told otherwise: 1 MiB, room for a long conversation.
const DefaultMaxBytes = 1 << 20

// A Request is the body of POST /check: the conversation so far, in the
// JSON form of rapport.Conversation, and the draft reply.
//
//	{"conversation": {"channel": "chat", "messages": [{"role": "customer", "text": "..."}]},
//	 "draft": "Sorry for the wait, ...", "lang": "en"}
//
// lang (a BCP 47 tag) and at (RFC 3339, when the draft would be sent) are
// optional; see Draft.
type Request struct {
	Conversation rapport.Conversation `json:"conversation"`
	Draft        string               `json:"draft"`
	Lang         string               `json:"lang,omitempty"`
	At           time.Time            `json:"at,omitzero"`
}

// Config configures the HTTP handler. The zero value accepts bodies up to
// DefaultMaxBytes, lets an evaluation run as long as its request does, and
// logs nothing.
type Config struct {
	// MaxBytes is the largest request body accepted; a larger one gets 413.
	MaxBytes int64
	// Timeout bounds the policy's evaluation of one draft; a draft not
	// checked in time gets 503.
	Timeout time.Duration
	// Log receives the rules that failed at run time; nil discards them.
	Log *log.Logger
}

// NewHandler returns the service's handler:
//
//   - POST /check takes a Request as application/json and answers a Result
//     with 200, or {"error": "..."} with 400 (bad JSON, unknown field, empty
//     draft, invalid conversation or tag), 405, 413, 415, or 503 when the
//     evaluation ran out of time;
//   - GET /healthz answers 200 {"status": "ok", "policy": "<name>"}.
//
// The handler is safe for concurrent use.
func NewHandler(g *Guard, cfg Config) http.Handler {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.Log == nil {
		cfg.Log = log.New(io.Discard, "", 0)
	}
	s := &service{guard: g, cfg: cfg}
	mux := http.NewServeMux()
	mux.HandleFunc("/check", s.check)
	mux.HandleFunc("/healthz", s.healthz)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusNotFound, "no such endpoint %q: the service has POST /check and GET /healthz", r.URL.Path)
	})
	return mux
}

// A service answers the requests of one handler; it is immutable.
type service struct {
	guard *Guard
	cfg   Config
}

func (s *service) healthz(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		fail(w, http.StatusMethodNotAllowed, "method %s is not allowed on /healthz: use GET", r.Method)
		return
	}
	reply(w, http.StatusOK, map[string]string{"status": "ok", "policy": s.guard.Policy().Name()})
}

func (s *service) check(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		fail(w, http.StatusMethodNotAllowed, "method %s is not allowed on /check: use POST", r.Method)
		return
	}
	if err := isJSON(r.Header.Get("Content-Type")); err != nil {
		fail(w, http.StatusUnsupportedMediaType, "%v", err)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBytes))
	if err != nil {
		if tooBig := (*http.MaxBytesError)(nil); errors.As(err, &tooBig) {
			fail(w, http.StatusRequestEntityTooLarge, "request body is larger than the limit of %d bytes", tooBig.Limit)
			return
		}
		fail(w, http.StatusBadRequest, "reading the request body: %v", err)
		return
	}
	req, err := decode(body)
	if err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	d := Draft{Text: req.Draft, At: req.At}
	if req.Lang != "" {
		if d.Lang, err = language.Parse(req.Lang); err != nil {
			fail(w, http.StatusBadRequest, "lang %q is not a BCP 47 language tag: %v", req.Lang, err)
			return
		}
	}
	ctx := r.Context()
	if s.cfg.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, s.cfg.Timeout)
		defer cancel()
	}
	res, err := s.guard.Check(ctx, req.Conversation, d)
	switch {
	case errors.Is(err, ErrEmptyDraft):
		fail(w, http.StatusBadRequest, `"draft" is empty: there is nothing to check`)
		return
	case errors.Is(err, ErrConversation):
		fail(w, http.StatusBadRequest, "%v", err)
		return
	case err != nil && ctx.Err() != nil:
		fail(w, http.StatusServiceUnavailable, "the draft was not fully checked: %v", context.Cause(ctx))
		return
	case err != nil:
		// A rule failed at run time: the result's action is already at
		// least Revise; the operator should fix the policy.
		s.cfg.Log.Print(err)
	}
	reply(w, http.StatusOK, res)
}

// isJSON reports whether a Content-Type header names JSON in UTF-8.
func isJSON(contentType string) error {
	if contentType == "" {
		return errors.New("the Content-Type header is missing: send application/json")
	}
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return fmt.Errorf("the Content-Type header %q cannot be read (%v): send application/json", contentType, err)
	}
	if media != "application/json" {
		return fmt.Errorf("the Content-Type %q is not supported: send application/json", contentType)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return fmt.Errorf("charset %q is not supported: send UTF-8", cs)
	}
	return nil
}

// decode reads a request body: one JSON object with no unknown field.
// Its errors say where in the body the problem is when encoding/json tells.
func decode(body []byte) (Request, error) {
	var req Request
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	err := dec.Decode(&req)
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		return req, errors.New("the request body is empty: send a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return req, fmt.Errorf("the request body ends at %s, inside the JSON object", position(body, int64(len(body))))
	case errors.As(err, &syntaxErr):
		return req, fmt.Errorf("invalid JSON at %s: %v", position(body, syntaxErr.Offset-1), syntaxErr)
	case errors.As(err, &typeErr) && typeErr.Field == "":
		return req, fmt.Errorf("the request body is a JSON %s: send a JSON object", typeErr.Value)
	case errors.As(err, &typeErr):
		return req, fmt.Errorf("near %s: field %q is a JSON %s; want %v", position(body, typeErr.Offset-1), typeErr.Field, typeErr.Value, typeErr.Type)
	default:
		// Unknown fields and values the rapport types refuse (a role, a
		// status, a tag, a time); encoding/json gives no position for them.
		return req, fmt.Errorf("bad request body: %v", strings.TrimPrefix(err.Error(), "json: "))
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		rest := bytes.TrimLeft(body[end:], " \t\r\n")
		return req, fmt.Errorf("the request body goes on after the JSON object, at %s: send one object", position(body, int64(len(body)-len(rest))))
	}
	return req, nil
}

// position describes byte offset off of body as "line L, column C (byte
// off)", lines and columns counted from 1, columns in bytes.
func position(body []byte, off int64) string {
	off = max(0, min(off, int64(len(body))))
	before := body[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("line %d, column %d (byte %d)", line, col, off)
}

// reply writes v as the JSON body of a response.
func reply(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"error": "the response could not be encoded"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

// fail writes an error response: {"error": "..."}.
func fail(w http.ResponseWriter, status int, format string, args ...any) {
	reply(w, status, map[string]string{"error": fmt.Sprintf(format, args...)})
}
