package web_test

import (
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/restframe/restframe/internal/vectors"
	"github.com/restframe/restframe/web"
)

// parseTests are QueryDict parsing cases from spec §14.1–14.3 and the
// Django 3.2 oracle; want is the QueryDict's repr.
var parseTests = []struct {
	in, enc string
	want    string
}{
	{"", "", "<QueryDict: {}>"},
	{"a=1&a=2&c=3", "", "<QueryDict: {'a': ['1', '2'], 'c': ['3']}>"},
	{"a=&b&=c&&d=1=2", "", "<QueryDict: {'a': [''], 'b': [''], '': ['c'], 'd': ['1=2']}>"},
	{"a=x+y&b=%20%2B&c=%E2%98%83&d=%zz&e=%C3", "", "<QueryDict: {'a': ['x y'], 'b': [' +'], 'c': ['☃'], 'd': ['%zz'], 'e': ['\ufffd']}>"},
	{"a=1;b=2", "", "<QueryDict: {'a': ['1;b=2']}>"},
	{"&&a=1&&", "", "<QueryDict: {'a': ['1']}>"},
	{"A=1&a=2", "", "<QueryDict: {'A': ['1'], 'a': ['2']}>"},
	{"k%20ey=v+al", "", "<QueryDict: {'k ey': ['v al']}>"},
	{"a%5B%5D=1&a[]=2", "", "<QueryDict: {'a[]': ['1', '2']}>"},
	{"q=%E2%98", "", "<QueryDict: {'q': ['\ufffd']}>"},                // truncated sequence: one U+FFFD
	{"q=%ED%A0%80", "", "<QueryDict: {'q': ['\ufffd\ufffd\ufffd']}>"}, // surrogate: one per byte
	{"q=%C3%A9%", "", "<QueryDict: {'q': ['é%']}>"},
	{"q=%4", "", "<QueryDict: {'q': ['%4']}>"},
	{"a=\xe9", "", "<QueryDict: {'a': ['é']}>"}, // raw bytes not UTF-8: read as latin-1
	{"a=é&b=%E9", "", "<QueryDict: {'a': ['é'], 'b': ['\ufffd']}>"},
	{"a=%E9", "latin-1", "<QueryDict: {'a': ['é']}>"},
	{"cur=%A4", "iso-8859-15", "<QueryDict: {'cur': ['€']}>"},
	{"q=%80%81", "cp1252", "<QueryDict: {'q': ['€\ufffd']}>"},
	{"q=%E9", "ascii", "<QueryDict: {'q': ['\ufffd']}>"},
	{"c='&d=\"'", "", `<QueryDict: {'c': ["'"], 'd': ['"\'']}>`},
}

func TestParseQueryDict(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.in, func(t *testing.T) {
			q, err := web.QueryConfig{Encoding: tt.enc}.Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q) error %v", tt.in, err)
			}
			if got := q.String(); got != tt.want {
				t.Errorf("Parse(%q) = %s; want %s", tt.in, got, tt.want)
			}
		})
	}
}

// fieldLimitTests are spec §14.3 with DATA_UPLOAD_MAX_NUMBER_FIELDS = 2.
var fieldLimitTests = []struct {
	in    string
	limit int
	err   bool
}{
	{"a=1&b=2", 2, false},
	{"a=1&b=2&", 2, true},
	{"&&", 2, true},
	{"a=1;b=2;c=3", 2, false},
	{"", 1, false},
	{"a=1&b=2&c=3", -1, false},
	{strings.Repeat("a&", 999) + "a", 0, false},
	{strings.Repeat("a&", 1000) + "a", 0, true},
}

func TestParseQueryDictFieldLimit(t *testing.T) {
	for _, tt := range fieldLimitTests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := web.QueryConfig{MaxNumberFields: tt.limit}.Parse(tt.in)
			if tt.err != (err != nil) {
				t.Fatalf("Parse(%q) with limit %d: error %v; want error %v", tt.in, tt.limit, err, tt.err)
			}
			if err != nil && !errors.Is(err, web.ErrTooManyFields) {
				t.Errorf("Parse(%q) error %v; want ErrTooManyFields", tt.in, err)
			}
			if err != nil && web.StatusOf(err) != 400 {
				t.Errorf("StatusOf(%v) = %d; want 400", err, web.StatusOf(err))
			}
		})
	}
}

func TestParseQueryDictUnknownEncoding(t *testing.T) {
	_, err := web.QueryConfig{Encoding: "klingon"}.Parse("a=1")
	if !errors.Is(err, web.ErrUnknownEncoding) {
		t.Errorf("Parse with encoding klingon: error %v; want ErrUnknownEncoding", err)
	}
}

// urlencodeTests are QueryDict.urlencode cases (spec §14.7).
var urlencodeTests = []struct {
	in, enc, safe, want string
}{
	{"next=/a%26b/&x=%E2%98%83&s=a b&t=~*", "", "", "next=%2Fa%26b%2F&x=%E2%98%83&s=a+b&t=~%2A"},
	{"next=/a%26b/&x=%E2%98%83&s=a b&t=~*", "", "/", "next=/a%26b/&x=%E2%98%83&s=a%20b&t=~%2A"},
	{"next=%2Ft%C3%ABst%26key%2F", "", "", "next=%2Ft%C3%ABst%26key%2F"},
	{"next=%2Ft%C3%ABst%26key%2F", "", "/", "next=/t%C3%ABst%26key/"},
	{"cur=%A4", "iso-8859-15", "", "cur=%A4"},
	{"a=%E9", "latin-1", "", "a=%E9"},
	{"a=%E2%82%AC", "latin-1", "", "a=%E2%82%AC"}, // three latin-1 characters
	{"a=b c", "", " ", "a=b c"},
	{"a=b c", "", "+", "a=b%20c"},
	{"empty=&novalue&=noname", "", "", "empty=&novalue=&=noname"},
	{"a=1&a=2&b=3", "", "", "a=1&a=2&b=3"},
	{"tilde=~&star=*&excl=!&quote=%27&paren=()", "", "", "tilde=~&star=%2A&excl=%21&quote=%27&paren=%28%29"},
}

func TestQueryDictURLEncode(t *testing.T) {
	for _, tt := range urlencodeTests {
		t.Run(tt.in+"/"+tt.safe, func(t *testing.T) {
			q, err := web.QueryConfig{Encoding: tt.enc}.Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := q.URLEncode(tt.safe); got != tt.want {
				t.Errorf("Parse(%q).URLEncode(%q) = %q; want %q", tt.in, tt.safe, got, tt.want)
			}
		})
	}
}

func TestQueryDictURLEncodeUnencodable(t *testing.T) {
	m := &web.MutableQueryDict{}
	if err := m.SetEncoding("latin-1"); err != nil {
		t.Fatal(err)
	}
	m.Set("a", "é☃")
	if got, want := m.URLEncode(""), "a=%E9%3F"; got != want {
		t.Errorf("URLEncode of a latin-1 QueryDict holding ☃ = %q; want %q", got, want)
	}
}

// qdLists returns q's lists as pairs for comparisons.
func qdLists(q web.QueryDict) [][2]any {
	var out [][2]any
	for k, v := range q.Lists() {
		out = append(out, [2]any{k, v})
	}
	return out
}

func TestQueryDictReads(t *testing.T) {
	q, err := web.ParseQueryDict("a=1&b=2&a=3&c=")
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := q.Get("a"); v != "3" || !ok {
		t.Errorf(`Get("a") = %q, %v; want "3", true`, v, ok)
	}
	if v, ok := q.Get("c"); v != "" || !ok {
		t.Errorf(`Get("c") = %q, %v; want "", true`, v, ok)
	}
	if v, ok := q.Get("z"); v != "" || ok {
		t.Errorf(`Get("z") = %q, %v; want "", false`, v, ok)
	}
	if got := q.GetList("a"); !slices.Equal(got, []string{"1", "3"}) {
		t.Errorf(`GetList("a") = %q; want ["1" "3"]`, got)
	}
	if got := q.GetList("z"); got != nil {
		t.Errorf(`GetList("z") = %q; want nil`, got)
	}
	// GetList returns a copy.
	q.GetList("a")[0] = "changed"
	if got := q.GetList("a"); got[0] != "1" {
		t.Errorf("GetList shares storage: %q", got)
	}
	if !q.Has("c") || q.Has("z") {
		t.Errorf(`Has("c"), Has("z") = %v, %v; want true, false`, q.Has("c"), q.Has("z"))
	}
	if q.Len() != 3 {
		t.Errorf("Len() = %d; want 3", q.Len())
	}
	if got := slices.Collect(q.Keys()); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("Keys() = %q; want [a b c]", got)
	}
	if got := slices.Collect(q.Values()); !slices.Equal(got, []string{"3", "2", ""}) {
		t.Errorf("Values() = %q; want [3 2 \"\"]", got)
	}
	var items []string
	for k, v := range q.Items() {
		items = append(items, k+"="+v)
	}
	if !slices.Equal(items, []string{"a=3", "b=2", "c="}) {
		t.Errorf("Items() = %q", items)
	}
	if got, want := q.Dict(), map[string]string{"a": "3", "b": "2", "c": ""}; !maps.Equal(got, want) {
		t.Errorf("Dict() = %v; want %v", got, want)
	}
	if q.Encoding() != "utf-8" {
		t.Errorf("Encoding() = %q; want utf-8", q.Encoding())
	}
	// Early exit from the iterators.
	for range q.Keys() {
		break
	}
	for range q.Items() {
		break
	}
	for range q.Lists() {
		break
	}
	for range q.Values() {
		break
	}
}

func TestQueryDictZero(t *testing.T) {
	var q web.QueryDict
	if _, ok := q.Get("a"); ok || q.Has("a") || q.Len() != 0 || q.GetList("a") != nil {
		t.Error("zero QueryDict is not empty")
	}
	if q.URLEncode("") != "" || q.String() != "<QueryDict: {}>" || len(q.Dict()) != 0 {
		t.Errorf("zero QueryDict: URLEncode %q, String %q", q.URLEncode(""), q.String())
	}
	for range q.Items() {
		t.Error("zero QueryDict has items")
	}
	for range q.Keys() {
		t.Error("zero QueryDict has keys")
	}
	for range q.Lists() {
		t.Error("zero QueryDict has lists")
	}
	m := q.Copy()
	m.Set("a", "1")
	if q.Len() != 0 || m.Len() != 1 {
		t.Errorf("Copy of the zero QueryDict: q.Len %d, m.Len %d", q.Len(), m.Len())
	}
	var z web.MutableQueryDict
	if _, ok := z.Pop("a"); ok {
		t.Error("Pop on a zero MutableQueryDict found a key")
	}
	if _, _, ok := z.PopItem(); ok {
		t.Error("PopItem on a zero MutableQueryDict found a key")
	}
	z.Clear()
	z.Update(web.QueryDict{})
	if z.Len() != 0 {
		t.Errorf("zero MutableQueryDict Len = %d", z.Len())
	}
}

// TestMutableQueryDict replays the mutation sequence checked on Django 3.2
// (httpwrappers' test_basic_mutable_operations and friends).
func TestMutableQueryDict(t *testing.T) {
	var m web.MutableQueryDict
	m.Set("name", "john")
	m.AppendList("name", "paul")
	m.SetList("foo", []string{"bar", "baz"})
	if got := m.SetDefault("foo", "x"); got != "baz" {
		t.Errorf(`SetDefault("foo") = %q; want "baz"`, got)
	}
	if got := m.SetDefault("new", "d"); got != "d" {
		t.Errorf(`SetDefault("new") = %q; want "d"`, got)
	}
	if got := m.SetListDefault("lst", nil); got == nil || len(got) != 0 {
		t.Errorf(`SetListDefault("lst", nil) = %#v; want []string{}`, got)
	}
	if got := m.SetListDefault("foo", []string{"z"}); !slices.Equal(got, []string{"bar", "baz"}) {
		t.Errorf(`SetListDefault("foo") = %q; want [bar baz]`, got)
	}
	want := "<QueryDict: {'name': ['john', 'paul'], 'foo': ['bar', 'baz'], 'new': ['d'], 'lst': []}>"
	if got := m.String(); got != want {
		t.Errorf("after setting: %s; want %s", got, want)
	}
	if _, ok := m.Get("lst"); ok || !m.Has("lst") {
		t.Errorf(`Get("lst") ok = %v, Has = %v; want false, true`, ok, m.Has("lst"))
	}
	if got := m.SetDefault("lst", "x"); got != "" {
		t.Errorf(`SetDefault("lst") = %q; want ""`, got)
	}
	if got, want := m.URLEncode(""), "name=john&name=paul&foo=bar&foo=baz&new=d"; got != want {
		t.Errorf("URLEncode = %q; want %q", got, want)
	}
	if got, ok := m.Pop("foo"); !ok || !slices.Equal(got, []string{"bar", "baz"}) {
		t.Errorf(`Pop("foo") = %q, %v; want [bar baz], true`, got, ok)
	}
	if _, ok := m.Pop("foo"); ok {
		t.Error(`second Pop("foo") found it`)
	}
	if k, v, ok := m.PopItem(); k != "lst" || len(v) != 0 || !ok {
		t.Errorf("PopItem() = %q, %q, %v; want lst, [], true", k, v, ok)
	}
	other, _ := web.ParseQueryDict("name=x&a=1&a=2")
	m.Update(other)
	m.Update(web.FromKeys([]string{"a"}, "3"))
	want = "<QueryDict: {'name': ['john', 'paul', 'x'], 'new': ['d'], 'a': ['1', '2', '3']}>"
	if got := m.String(); got != want {
		t.Errorf("after Update: %s; want %s", got, want)
	}
	if !m.Del("new") || m.Del("new") {
		t.Error(`Del("new") twice: want true then false`)
	}
	m.Set("name", "solo")
	if got := m.GetList("name"); !slices.Equal(got, []string{"solo"}) {
		t.Errorf(`after Set("name"): %q`, got)
	}
	m.Clear()
	if m.Len() != 0 || m.String() != "<QueryDict: {}>" {
		t.Errorf("after Clear: %s", m.String())
	}
}

func TestMutableQueryDictSelfUpdate(t *testing.T) {
	q, _ := web.ParseQueryDict("a=1&b=2")
	m := q.Copy()
	m.Update(m.QueryDict())
	if got, want := m.String(), "<QueryDict: {'a': ['1', '1'], 'b': ['2', '2']}>"; got != want {
		t.Errorf("self Update: %s; want %s", got, want)
	}
}

func TestQueryDictCopyIsDeep(t *testing.T) {
	q, _ := web.QueryConfig{Encoding: "latin-1"}.Parse("a=1&b=2")
	m := q.Copy()
	m.AppendList("a", "x")
	m.Set("b", "y")
	m.Set("c", "z")
	if got, want := q.String(), "<QueryDict: {'a': ['1'], 'b': ['2']}>"; got != want {
		t.Errorf("original after changing the copy: %s; want %s", got, want)
	}
	if m.Encoding() != "latin-1" {
		t.Errorf("copy's Encoding() = %q; want latin-1", m.Encoding())
	}
	view := m.QueryDict()
	m.Set("d", "w")
	if !view.Has("d") {
		t.Error("QueryDict() view does not see later changes")
	}
	snap := m.Copy().QueryDict()
	m.Set("e", "v")
	if snap.Has("e") {
		t.Error("snapshot sees later changes")
	}
	if err := m.SetEncoding("klingon"); !errors.Is(err, web.ErrUnknownEncoding) {
		t.Errorf("SetEncoding(klingon) = %v; want ErrUnknownEncoding", err)
	}
}

// TestQueryDictManyKeys exercises the index used beyond a dozen keys.
func TestQueryDictManyKeys(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(string(rune('A' + i)))
		b.WriteString("=1")
	}
	q, err := web.ParseQueryDict(b.String() + "&A=2")
	if err != nil {
		t.Fatal(err)
	}
	if got := q.GetList("A"); !slices.Equal(got, []string{"1", "2"}) {
		t.Errorf(`GetList("A") = %q`, got)
	}
	m := q.Copy()
	for i := 39; i >= 0; i -= 3 {
		key := string(rune('A' + i))
		if _, ok := m.Pop(key); !ok {
			t.Fatalf("Pop(%q) missing", key)
		}
		if m.Has(key) {
			t.Fatalf("Has(%q) after Pop", key)
		}
	}
	for i := range 40 {
		key := string(rune('A' + i))
		if want := i%3 != 0; m.Has(key) != want {
			t.Errorf("Has(%q) = %v; want %v", key, m.Has(key), want)
		}
	}
	for m.Len() > 0 {
		k, _, _ := m.PopItem()
		if m.Has(k) {
			t.Fatalf("Has(%q) after PopItem", k)
		}
	}
	m.Set("x", "1")
	if v, _ := m.Get("x"); v != "1" {
		t.Error("Set after emptying failed")
	}
}

func TestFromKeys(t *testing.T) {
	q := web.FromKeys([]string{"a", "a", "b"}, "")
	if got, want := q.String(), "<QueryDict: {'a': ['', ''], 'b': ['']}>"; got != want {
		t.Errorf("FromKeys = %s; want %s", got, want)
	}
}

// TestVectorsQuerydict replays the "querydict" conformance vectors. The
// recording script's third safe string is not kept; "/:@=" is consistent
// with every recorded output.
func TestVectorsQuerydict(t *testing.T) {
	for _, u := range vectors.Units(t, "querydict") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				QueryString string `json:"query_string"`
			}
			var want struct {
				Lists          [][2]json.RawMessage `json:"lists"`
				Dict           map[string]string    `json:"dict"`
				GetA           *string              `json:"get_a"`
				GetListA       []string             `json:"getlist_a"`
				URLEncode      string               `json:"urlencode"`
				URLEncodeSlash string               `json:"urlencode_safe_slash"`
				URLEncodeMany  string               `json:"urlencode_safe_many"`
			}
			vectors.Decode(t, u.Input, &in)
			vectors.Decode(t, u.Output, &want)
			q, err := web.ParseQueryDict(in.QueryString)
			if err != nil {
				t.Fatalf("ParseQueryDict(%q) error %v", in.QueryString, err)
			}
			var wantLists [][2]any
			for _, kv := range want.Lists {
				var k string
				var v []string
				vectors.Decode(t, kv[0], &k)
				vectors.Decode(t, kv[1], &v)
				wantLists = append(wantLists, [2]any{k, v})
			}
			gotLists := qdLists(q)
			if len(gotLists) != len(wantLists) {
				t.Fatalf("Lists(%q) = %q; want %q", in.QueryString, gotLists, wantLists)
			}
			for i := range gotLists {
				if gotLists[i][0] != wantLists[i][0] || !slices.Equal(gotLists[i][1].([]string), wantLists[i][1].([]string)) {
					t.Errorf("Lists(%q)[%d] = %q; want %q", in.QueryString, i, gotLists[i], wantLists[i])
				}
			}
			if got := q.Dict(); !maps.Equal(got, want.Dict) {
				t.Errorf("Dict(%q) = %v; want %v", in.QueryString, got, want.Dict)
			}
			v, ok := q.Get("a")
			if ok != (want.GetA != nil) || ok && v != *want.GetA {
				t.Errorf(`Get("a") = %q, %v; want %v`, v, ok, want.GetA)
			}
			if got := q.GetList("a"); !slices.Equal(got, want.GetListA) {
				t.Errorf(`GetList("a") = %q; want %q`, got, want.GetListA)
			}
			for _, c := range []struct{ safe, want string }{
				{"", want.URLEncode}, {"/", want.URLEncodeSlash}, {"/:@=", want.URLEncodeMany},
			} {
				if got := q.URLEncode(c.safe); got != c.want {
					t.Errorf("URLEncode(%q) = %q; want %q", c.safe, got, c.want)
				}
			}
		})
	}
}

func FuzzParseQueryDict(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in, 0)
	}
	for _, tt := range fieldLimitTests {
		f.Add(tt.in, tt.limit)
	}
	for _, tt := range urlencodeTests {
		f.Add(tt.in, 3)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		limit %= 50
		q, err := web.QueryConfig{MaxNumberFields: limit}.Parse(s)
		fields := 0
		if s != "" {
			fields = 1 + strings.Count(s, "&")
		}
		effective := limit
		if effective == 0 {
			effective = web.DefaultMaxNumberFields
		}
		if err != nil {
			if !errors.Is(err, web.ErrTooManyFields) {
				t.Fatalf("Parse(%q) error %v; want ErrTooManyFields", s, err)
			}
			if effective < 0 || fields <= effective {
				t.Fatalf("Parse(%q) with limit %d: ErrTooManyFields for %d fields", s, limit, fields)
			}
			return
		}
		if effective >= 0 && fields > effective {
			t.Fatalf("Parse(%q) with limit %d accepted %d fields", s, limit, fields)
		}
		n := 0
		for _, vals := range q.Lists() {
			n += len(vals)
		}
		if n > fields {
			t.Fatalf("Parse(%q) gave %d values from %d fields", s, n, fields)
		}
		// parse ∘ URLEncode ∘ parse is stable.
		for _, safe := range []string{"", "/"} {
			enc := q.URLEncode(safe)
			q2, err := web.QueryConfig{MaxNumberFields: -1}.Parse(enc)
			if err != nil {
				t.Fatalf("Parse(URLEncode(%q)) error %v", s, err)
			}
			if q.String() != q2.String() {
				t.Fatalf("Parse(%q) = %s; after URLEncode(%q) round trip %s", s, q, safe, q2)
			}
			if enc2 := q2.URLEncode(safe); enc2 != enc {
				t.Fatalf("URLEncode not stable for %q: %q then %q", s, enc, enc2)
			}
		}
	})
}

// benchQuery is a typical five-field query string.
const benchQuery = "page=2&page_size=50&q=caf%C3%A9+au+lait&ordering=-created&format=json"

func BenchmarkQueryDict(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		q, err := web.ParseQueryDict(benchQuery)
		if err != nil || q.Len() != 5 {
			b.Fatal(q, err)
		}
	}
}
