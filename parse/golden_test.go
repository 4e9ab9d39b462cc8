package parse_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/restframe/restframe/internal/vectors"
	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

// goldenCase is the part of a golden.jsonl line the parser replay needs.
type goldenCase struct {
	ID           string            `json:"id"`
	Method       string            `json:"method"`
	Path         string            `json:"path"`
	Headers      map[string]string `json:"headers"`
	Body         *string           `json:"body"`
	Status       int               `json:"status"`
	ResponseBody *string           `json:"response_body"`
	Facts        struct {
		Content string `json:"content"`
	} `json:"facts"`
}

// goldenParserCases returns the recorded cases of the parser routes:
// /json_parser_only (JSONParser only) and /echo (DRF's default parsers).
func goldenParserCases(t *testing.T) []goldenCase {
	f, err := os.Open(filepath.Join(vectors.Dir(), "golden.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldenCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var c goldenCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(c.ID, "parse.") || c.ID == "api.json_parser_only" {
			out = append(out, c)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no parser cases in golden.jsonl")
	}
	return out
}

// TestGoldenParsers replays the parser cases recorded from DRF 3.14 at the
// level of this package: the data request.data holds, or the status and
// detail of the error. The rest layer replays the whole responses.
func TestGoldenParsers(t *testing.T) {
	for _, c := range goldenParserCases(t) {
		t.Run(c.ID, func(t *testing.T) {
			var body io.Reader
			if c.Body != nil {
				body = strings.NewReader(*c.Body)
			}
			hr := httptest.NewRequest(c.Method, c.Path, body)
			for k, v := range c.Headers {
				hr.Header.Set(k, v)
			}
			r := web.NewRequest(hr, nil)
			defer r.Close()
			parsers := []parse.Parser{parse.JSON{UseNumber: true}, parse.Form{}, parse.MultiPart{}}
			if strings.HasPrefix(c.Path, "/json_parser_only") {
				parsers = parsers[:1]
			}
			got, err := parse.Body(r, parsers)

			// What DRF answered: {"detail": ...} for errors, the view's
			// JSON otherwise (pretty-printed in the browsable API).
			var resp map[string]json.RawMessage
			switch {
			case c.ResponseBody != nil && *c.ResponseBody != "":
				mustUnmarshal(t, *c.ResponseBody, &resp)
			case c.Facts.Content != "":
				mustUnmarshal(t, c.Facts.Content, &resp)
			}
			if c.Status >= 400 {
				var pe *parse.Error
				if !errors.As(err, &pe) || pe.Status() != c.Status {
					t.Fatalf("Body = %v, %v; want a %d", got, err, c.Status)
				}
				if raw, ok := resp["detail"]; ok {
					var want string
					mustUnmarshal(t, string(raw), &want)
					if pe.Detail != want {
						t.Fatalf("detail = %q; want %q", pe.Detail, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("Body error %v", err)
			}
			want, ok := resp["received"]
			if !ok {
				want, ok = resp["data"]
			}
			if !ok || strings.Contains(c.Path, "validate=") {
				return // no data echoed (204, or a serializer's output)
			}
			var wantData any
			dec := json.NewDecoder(bytes.NewReader(want))
			dec.UseNumber()
			if err := dec.Decode(&wantData); err != nil {
				t.Fatal(err)
			}
			if g := echoShape(got); !reflect.DeepEqual(g, wantData) {
				t.Fatalf("data = %#v; want %#v", g, wantData)
			}
		})
	}
}

func mustUnmarshal(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("golden: %v in %q", err, s)
	}
}

// echoShape renders parsed data the way the conformance app's echo view
// shows it: QueryDict-like data as {"__querydict_lists__": [[key,
// values]]}, fields first, then files, each file as the list of its lines
// (DRF's JSON encoder iterates a file).
func echoShape(v any) any {
	var lists []any
	switch v := v.(type) {
	case web.QueryDict:
		for k, vals := range v.Lists() {
			lists = append(lists, []any{k, strs(vals)})
		}
	case parse.Data:
		for k, vals := range v.Fields.Lists() {
			lists = append(lists, []any{k, strs(vals)})
		}
		for k, files := range v.Files.Lists() {
			var fs []any
			for _, f := range files {
				b, _ := io.ReadAll(f)
				var lines []any
				for _, l := range strings.SplitAfter(string(b), "\n") {
					if l != "" {
						lines = append(lines, l)
					}
				}
				fs = append(fs, lines)
			}
			lists = append(lists, []any{k, fs})
		}
	default:
		return v
	}
	return map[string]any{"__querydict_lists__": lists}
}

func strs(vals []string) []any {
	out := make([]any, len(vals))
	for i, s := range vals {
		out[i] = s
	}
	return out
}
