// Command report turns the raw output of the bench module into the Markdown
// tables of RESULTS.md: the negotiation matrix, the budget ratios of issue 4,
// what each negotiator picks, and the loopback (wrk, curl) tables.
//
//	report bench results/bench.txt            negotiation matrix and budgets
//	report bench -load results/load/last ...  the same, with the loopback budgets
//	report bench -insns results/insns-last.txt FILE  with callgrind counts (insns.sh)
//	report picks                              each negotiator's choice per header
//	report negotiate-names                    impl/header of BenchmarkNegotiate, one a line
//	report load results/load/last             loopback tables of load.sh
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/restframe/restframe/bench/internal/peers"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "bench":
		err = benchCmd(os.Stdout, os.Args[2:])
	case "picks":
		err = picksCmd(os.Stdout)
	case "negotiate-names":
		for _, impl := range peers.Negotiators() {
			for _, h := range peers.Headers {
				fmt.Println(impl.Name + "/" + h.Name)
			}
		}
	case "load":
		if len(os.Args) != 3 {
			usage()
		}
		var l *loadResults
		if l, err = readLoad(os.Args[2]); err == nil {
			writeLoad(os.Stdout, l)
		}
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: report bench [-load DIR] [-insns FILE] FILE... | report picks | report negotiate-names | report load DIR")
	os.Exit(2)
}

// ---- go test -bench output ----

// sample holds every measurement of one benchmark.
type sample struct {
	ns, allocs, bytes, insns []float64
}

// results maps a benchmark name, without the -GOMAXPROCS suffix, to its
// samples.
type results map[string]*sample

func readBench(files []string) (results, error) {
	res := results{}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			parseBenchLine(res, sc.Text())
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// parseBenchLine reads "BenchmarkX/a/b-2  1000  123.4 ns/op  0 B/op  0 allocs/op".
func parseBenchLine(res results, line string) {
	fields := strings.Fields(line)
	if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
		return
	}
	if _, err := strconv.Atoi(fields[1]); err != nil {
		return
	}
	name := fields[0]
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			name = name[:i]
		}
	}
	s := res[name]
	if s == nil {
		s = &sample{}
		res[name] = s
	}
	for i := 2; i+1 < len(fields); i += 2 {
		v, err := strconv.ParseFloat(fields[i], 64)
		if err != nil {
			continue
		}
		switch fields[i+1] {
		case "ns/op":
			s.ns = append(s.ns, v)
		case "allocs/op":
			s.allocs = append(s.allocs, v)
		case "B/op":
			s.bytes = append(s.bytes, v)
		case "insns/op":
			s.insns = append(s.insns, v)
		}
	}
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

// get returns the median ns/op and allocs/op of a benchmark.
func (r results) get(name string) (ns, allocs float64, ok bool) {
	s := r[name]
	if s == nil || len(s.ns) == 0 {
		return 0, 0, false
	}
	return median(s.ns), median(s.allocs), true
}

// getInsns returns the instruction count of a benchmark.
func (r results) getInsns(name string) (float64, bool) {
	s := r[name]
	if s == nil || len(s.insns) == 0 {
		return 0, false
	}
	return median(s.insns), true
}

func fmtNs(ns float64) string {
	switch {
	case ns >= 1e6:
		return strconv.FormatFloat(ns/1e6, 'f', 2, 64) + " ms"
	case ns >= 1e4:
		return strconv.FormatFloat(ns/1e3, 'f', 1, 64) + " µs"
	case ns >= 100:
		return strconv.FormatFloat(ns, 'f', 0, 64) + " ns"
	}
	return strconv.FormatFloat(ns, 'f', 1, 64) + " ns"
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func fmtRatio(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) + "×" }

// budget is one row of the budget table.
type budget struct {
	what, measured, limit, status string
}

func status(ok bool) string {
	if ok {
		return "ok"
	}
	return "**MISSED**"
}

// crossCheck is the status of an instruction-count row: the budgets are
// set in ns/op, and the counts (steady under load) check the ratios.
func crossCheck(ok bool) string {
	if ok {
		return "ok"
	}
	return "not met (cross-check)"
}

const pendingRest = "pending: rest layer, issue 3"

func benchCmd(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	loadDir := fs.String("load", "", "directory of a load.sh run to include")
	insnsFile := fs.String("insns", "", "output of insns.sh to include")
	if err := fs.Parse(args); err != nil {
		return err
	}
	res, err := readBench(fs.Args())
	if err != nil {
		return err
	}
	var insns results
	if *insnsFile != "" {
		if insns, err = readBench([]string{*insnsFile}); err != nil {
			return err
		}
	}
	var load *loadResults
	if *loadDir != "" {
		if load, err = readLoad(*loadDir); err != nil {
			return err
		}
	}
	writeNegotiationMatrix(w, res)
	if insns != nil {
		writeInsnsMatrix(w, insns)
	}
	writeBudgets(w, res, insns, load)
	return nil
}

// writeInsnsMatrix prints callgrind's instructions per negotiation.
func writeInsnsMatrix(w io.Writer, insns results) {
	fmt.Fprintln(w, "### Negotiation: instructions/op (callgrind, insns.sh; stable under load)")
	fmt.Fprintln(w)
	fmt.Fprint(w, "| impl |")
	for _, h := range peers.Headers {
		fmt.Fprintf(w, " %s |", h.Name)
	}
	fmt.Fprint(w, "\n|---|")
	for range peers.Headers {
		fmt.Fprint(w, "---:|")
	}
	fmt.Fprintln(w)
	for _, impl := range peers.Negotiators() {
		fmt.Fprintf(w, "| %s |", impl.Name)
		for _, h := range peers.Headers {
			if v, ok := insns.getInsns("BenchmarkNegotiate/" + impl.Name + "/" + h.Name); ok {
				fmt.Fprintf(w, " %.0f |", v)
			} else {
				fmt.Fprint(w, " – |")
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
	var json []string
	for _, h := range peers.Handlers(nil) {
		if v, ok := insns.getInsns("BenchmarkJSON/" + h.Name); ok {
			json = append(json, fmt.Sprintf("| %s | %.0f |", h.Name, v))
		}
	}
	if len(json) > 0 {
		fmt.Fprintln(w, "### JSON: instructions/op (callgrind inside serveBench, GC off; stable under load)")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| impl | instructions |")
		fmt.Fprintln(w, "|---|---:|")
		for _, l := range json {
			fmt.Fprintln(w, l)
		}
		fmt.Fprintln(w)
	}
}

// writeNegotiationMatrix prints ns/op (allocs) per impl and header.
func writeNegotiationMatrix(w io.Writer, res results) {
	fmt.Fprintln(w, "### Negotiation: median ns/op (allocs/op), offers [application/json, text/html]")
	fmt.Fprintln(w)
	fmt.Fprint(w, "| impl |")
	for _, h := range peers.Headers {
		fmt.Fprintf(w, " %s |", h.Name)
	}
	fmt.Fprint(w, "\n|---|")
	for range peers.Headers {
		fmt.Fprint(w, "---:|")
	}
	fmt.Fprintln(w)
	for _, impl := range peers.Negotiators() {
		fmt.Fprintf(w, "| %s |", impl.Name)
		for _, h := range peers.Headers {
			ns, allocs, ok := res.get("BenchmarkNegotiate/" + impl.Name + "/" + h.Name)
			if !ok {
				fmt.Fprint(w, " – |")
				continue
			}
			fmt.Fprintf(w, " %s (%s) |", fmtNs(ns), fmtNum(allocs))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Entry points:")
	for _, impl := range peers.Negotiators() {
		fmt.Fprintf(w, "- %s: `%s`\n", impl.Name, impl.Entry)
	}
	fmt.Fprintln(w)
}

var browserHeaders = []string{"chrome", "firefox", "safari"}

func writeBudgets(w io.Writer, res, insns results, load *loadResults) {
	var rows []budget
	neg := func(impl, h string) string { return "BenchmarkNegotiate/" + impl + "/" + h }
	for _, h := range browserHeaders {
		ns, allocs, ok := res.get(neg("restframe-rfc", h))
		if !ok {
			rows = append(rows, budget{"negotiation RFC " + h, "not measured", "≤ 150 ns, 0 allocs", "**MISSING**"})
			continue
		}
		rows = append(rows, budget{"negotiation RFC " + h, fmtNs(ns) + ", " + fmtNum(allocs) + " allocs",
			"≤ 150 ns, 0 allocs", status(ns <= 150 && allocs == 0)})
	}
	for _, h := range browserHeaders {
		rf, _, ok1 := res.get(neg("restframe-rfc", h))
		fb, _, ok2 := res.get(neg("fiber", h))
		if !ok1 || !ok2 {
			rows = append(rows, budget{"fiber / restframe-rfc " + h, "not measured", "≥ 3×", "**MISSING**"})
			continue
		}
		r := fb / rf
		rows = append(rows, budget{"fiber / restframe-rfc " + h, fmtRatio(r) + " (" + fmtNs(fb) + " / " + fmtNs(rf) + ")",
			"≥ 3×", status(r >= 3)})
	}
	for _, h := range browserHeaders {
		rf, ok1 := insns.getInsns(neg("restframe-rfc", h))
		fb, ok2 := insns.getInsns(neg("fiber", h))
		if !ok1 || !ok2 {
			continue
		}
		r := fb / rf
		rows = append(rows, budget{"fiber / restframe-rfc " + h + " (instructions)", fmtRatio(r) + " (" + fmtNum(fb) + " / " + fmtNum(rf) + ")",
			"≥ 3× (cross-check)", crossCheck(r >= 3)})
	}
	for _, h := range peers.Headers {
		_, allocs, ok := res.get(neg("restframe-drf", h.Name))
		if !ok {
			rows = append(rows, budget{"negotiation DRF " + h.Name, "not measured", "0 allocs", "**MISSING**"})
			continue
		}
		rows = append(rows, budget{"negotiation DRF " + h.Name, fmtNum(allocs) + " allocs", "0 allocs", status(allocs == 0)})
	}

	nhNs, nhAllocs, nhOK := res.get("BenchmarkJSON/nethttp")
	rfNs, rfAllocs, rfOK := res.get("BenchmarkJSON/restframe")
	gnNs, _, gnOK := res.get("BenchmarkJSON/gin-negotiate")
	switch {
	case !rfOK:
		rows = append(rows,
			budget{"BenchmarkJSON restframe / nethttp ns/op", "–", "≤ 1.15×", pendingRest},
			budget{"BenchmarkJSON restframe allocs", "–", "≤ nethttp + 2", pendingRest},
			budget{"BenchmarkJSON restframe vs gin c.Negotiate", "–", "faster", pendingRest})
	case nhOK && gnOK:
		r := rfNs / nhNs
		rows = append(rows,
			budget{"BenchmarkJSON restframe / nethttp ns/op", fmtRatio(r) + " (" + fmtNs(rfNs) + " / " + fmtNs(nhNs) + ")", "≤ 1.15×", status(r <= 1.15)},
			budget{"BenchmarkJSON restframe allocs", fmtNum(rfAllocs) + " vs nethttp " + fmtNum(nhAllocs), "≤ nethttp + 2", status(rfAllocs <= nhAllocs+2)},
			budget{"BenchmarkJSON restframe vs gin c.Negotiate", fmtNs(rfNs) + " vs " + fmtNs(gnNs), "faster", status(rfNs < gnNs)})
	}
	if rf, ok1 := insns.getInsns("BenchmarkJSON/restframe"); ok1 {
		if nh, ok2 := insns.getInsns("BenchmarkJSON/nethttp"); ok2 {
			r := rf / nh
			rows = append(rows, budget{"BenchmarkJSON restframe / nethttp (instructions)", fmtRatio(r) + " (" + fmtNum(rf) + " / " + fmtNum(nh) + ")",
				"≤ 1.15× (cross-check)", crossCheck(r <= 1.15)})
		}
		if gn, ok2 := insns.getInsns("BenchmarkJSON/gin-negotiate"); ok2 {
			rows = append(rows, budget{"BenchmarkJSON restframe vs gin c.Negotiate (instructions)", fmtNum(rf) + " vs " + fmtNum(gn),
				"fewer (cross-check)", crossCheck(rf < gn)})
		}
	}
	if _, _, ok := res.get("BenchmarkNegotiatedBrowser/restframe"); !ok {
		rows = append(rows, budget{"BenchmarkNegotiatedBrowser restframe", "–", "(measured, no budget)", pendingRest})
	}
	rows = append(rows, loadBudgets(load)...)

	fmt.Fprintln(w, "### Budgets (issue 4)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| budget | measured (medians) | limit | status |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", r.what, r.measured, r.limit, r.status)
	}
	fmt.Fprintln(w)

	// Informative ratios that have no budget yet.
	if webNs, webAllocs, ok := res.get("BenchmarkJSON/restframe-web"); ok && nhOK {
		fmt.Fprintf(w, "For information: BenchmarkJSON/restframe-web (web.Handle + web.JSONResponse, no rest layer) is %s of nethttp (%s vs %s, %s vs %s allocs).\n\n",
			fmtRatio(webNs/nhNs), fmtNs(webNs), fmtNs(nhNs), fmtNum(webAllocs), fmtNum(nhAllocs))
	}
}

// ---- picks ----

func picksCmd(w io.Writer) error {
	fmt.Fprintln(w, "### What each negotiator picks (offers application/json, text/html)")
	fmt.Fprintln(w)
	fmt.Fprint(w, "| impl |")
	for _, h := range peers.Headers {
		fmt.Fprintf(w, " %s |", h.Name)
	}
	fmt.Fprint(w, "\n|---|")
	for range peers.Headers {
		fmt.Fprint(w, "---|")
	}
	fmt.Fprint(w, "\n| RFC 9110 §12.5.1 |")
	for _, h := range peers.Headers {
		fmt.Fprintf(w, " %s |", short(h.Want))
	}
	fmt.Fprintln(w)
	for _, impl := range peers.Negotiators() {
		fmt.Fprintf(w, "| %s |", impl.Name)
		for _, h := range peers.Headers {
			negotiate, err := impl.Prepare(h.Accept)
			if err != nil {
				return fmt.Errorf("%s: %w", impl.Name, err)
			}
			got := negotiate()
			cell := short(got)
			if got != h.Want {
				cell = "**" + cell + "**"
			}
			fmt.Fprintf(w, " %s |", cell)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Bold: differs from RFC 9110. Headers: ")
	for _, h := range peers.Headers {
		fmt.Fprintf(w, "- %s: `%s`\n", h.Name, h.Accept)
	}
	fmt.Fprintln(w)
	return nil
}

func short(offer string) string {
	switch offer {
	case "":
		return "none"
	case "application/json":
		return "JSON"
	case "text/html":
		return "HTML"
	}
	return offer
}

// ---- load.sh output ----

// loadResults are the measurements of one load.sh run.
type loadResults struct {
	meta   string
	json   map[string]*wrkRuns // server → rounds
	file   map[string]*fileRuns
	order  []string // JSON servers in first-seen order
	forder []string
}

type wrkRuns struct {
	reqs, p99ms []float64
	errors      []string
}

type fileRuns struct {
	mibps       []float64
	rssBeforeKB float64
	hwmKB       float64
	failures    []string
}

// readLoad reads DIR/json-<server>-r<n>.txt (wrk --latency output),
// DIR/file-<server>-r<n>.txt (curl -w "%{http_code} %{size_download}
// %{speed_download}") and DIR/file-<server>-rss.txt ("before <kB>" and
// "hwm <kB>" lines), plus DIR/meta.txt.
func readLoad(dir string) (*loadResults, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	l := &loadResults{json: map[string]*wrkRuns{}, file: map[string]*fileRuns{}}
	if b, err := os.ReadFile(filepath.Join(dir, "meta.txt")); err == nil {
		l.meta = strings.TrimSpace(string(b))
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	// Sort by round so that the first-seen order follows load.sh's order
	// within round 1; load.sh numbers servers as NN-name.
	slices.Sort(names)
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		text := string(b)
		switch {
		case strings.HasPrefix(name, "json-") && strings.HasSuffix(name, ".txt"):
			server := serverName(strings.TrimPrefix(name, "json-"))
			r := l.json[server]
			if r == nil {
				r = &wrkRuns{}
				l.json[server] = r
				l.order = append(l.order, server)
			}
			reqs, p99, problem := parseWrk(text)
			r.reqs = append(r.reqs, reqs)
			r.p99ms = append(r.p99ms, p99)
			if problem != "" {
				r.errors = append(r.errors, problem)
			}
		case strings.HasPrefix(name, "file-") && strings.HasSuffix(name, "-rss.txt"):
			server := strings.TrimSuffix(strings.TrimPrefix(name, "file-"), "-rss.txt")
			r := l.fileRuns(server)
			for _, line := range strings.Split(text, "\n") {
				f := strings.Fields(line)
				if len(f) != 2 {
					continue
				}
				v, _ := strconv.ParseFloat(f[1], 64)
				switch f[0] {
				case "before":
					r.rssBeforeKB = v
				case "hwm":
					r.hwmKB = v
				}
			}
		case strings.HasPrefix(name, "file-") && strings.HasSuffix(name, ".txt"):
			server := serverName(strings.TrimPrefix(name, "file-"))
			r := l.fileRuns(server)
			f := strings.Fields(text)
			if len(f) != 3 || f[0] != "200" {
				r.failures = append(r.failures, strings.TrimSpace(text))
				continue
			}
			size, _ := strconv.ParseFloat(f[1], 64)
			speed, _ := strconv.ParseFloat(f[2], 64)
			if size != 1<<30 {
				r.failures = append(r.failures, "short body: "+f[1]+" bytes")
			}
			r.mibps = append(r.mibps, speed/(1<<20))
		}
	}
	return l, nil
}

func (l *loadResults) fileRuns(server string) *fileRuns {
	r := l.file[server]
	if r == nil {
		r = &fileRuns{}
		l.file[server] = r
		l.forder = append(l.forder, server)
	}
	return r
}

// serverName turns "NN-name-rK.txt" into "name".
func serverName(s string) string {
	s = strings.TrimSuffix(s, ".txt")
	if i := strings.LastIndex(s, "-r"); i > 0 {
		s = s[:i]
	}
	if i := strings.IndexByte(s, '-'); i > 0 {
		if _, err := strconv.Atoi(s[:i]); err == nil {
			s = s[i+1:]
		}
	}
	return s
}

// parseWrk reads the requests per second and the 99th percentile latency
// (ms) from wrk --latency output, and describes errors it reports.
func parseWrk(text string) (reqs, p99ms float64, problem string) {
	var problems []string
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "Requests/sec:":
			reqs, _ = strconv.ParseFloat(f[1], 64)
		case len(f) == 2 && f[0] == "99%":
			p99ms = parseDuration(f[1])
		case strings.HasPrefix(strings.TrimSpace(line), "Non-2xx"), strings.HasPrefix(strings.TrimSpace(line), "Socket errors"):
			problems = append(problems, strings.TrimSpace(line))
		}
	}
	return reqs, p99ms, strings.Join(problems, "; ")
}

// parseDuration reads wrk's "812.00us", "1.23ms", "2.00s" as milliseconds.
func parseDuration(s string) float64 {
	for _, u := range []struct {
		suffix string
		ms     float64
	}{{"us", 1e-3}, {"ms", 1}, {"s", 1000}, {"m", 60000}} {
		if v, ok := strings.CutSuffix(s, u.suffix); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return 0
			}
			return f * u.ms
		}
	}
	return 0
}

func joinFloats(v []float64, prec int) string {
	parts := make([]string, len(v))
	for i, f := range v {
		parts[i] = strconv.FormatFloat(f, 'f', prec, 64)
	}
	return strings.Join(parts, ", ")
}

func writeLoad(w io.Writer, l *loadResults) {
	if l.meta != "" {
		fmt.Fprintln(w, "```")
		fmt.Fprintln(w, l.meta)
		fmt.Fprintln(w, "```")
		fmt.Fprintln(w)
	}
	if len(l.json) > 0 {
		base := median(l.json["nethttp"].reqsOrNil())
		fmt.Fprintln(w, "### Loopback JSON throughput (wrk, GET /json)")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| server | req/s (median) | / nethttp | p99 ms (median) | req/s per round | errors |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---|---|")
		for _, s := range l.order {
			r := l.json[s]
			ratio := "–"
			if base > 0 {
				ratio = fmtRatio(median(r.reqs) / base)
			}
			fmt.Fprintf(w, "| %s | %.0f | %s | %.2f | %s | %s |\n", s, median(r.reqs), ratio, median(r.p99ms),
				joinFloats(r.reqs, 0), strings.Join(r.errors, "; "))
		}
		if l.json["restframe"] == nil {
			fmt.Fprintf(w, "| restframe | – | – | – | – | %s |\n", pendingRest)
		}
		fmt.Fprintln(w)
	}
	if len(l.file) > 0 {
		base := median(l.file["servefile"].mibpsOrNil())
		fmt.Fprintln(w, "### 1 GiB download (curl, GET /file: a sparse file in a temp dir)")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| server | MiB/s (median) | / ServeFile | peak RSS (VmHWM) | RSS growth | MiB/s per round | failures |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---|---|")
		for _, s := range l.forder {
			r := l.file[s]
			ratio := "–"
			if base > 0 {
				ratio = fmtRatio(median(r.mibps) / base)
			}
			fmt.Fprintf(w, "| %s | %.0f | %s | %.1f MiB | %.1f MiB | %s | %s |\n", s, median(r.mibps), ratio,
				r.hwmKB/1024, (r.hwmKB-r.rssBeforeKB)/1024, joinFloats(r.mibps, 0), strings.Join(r.failures, "; "))
		}
		fmt.Fprintln(w)
	}
}

func (r *wrkRuns) reqsOrNil() []float64 {
	if r == nil {
		return nil
	}
	return r.reqs
}

func (r *fileRuns) mibpsOrNil() []float64 {
	if r == nil {
		return nil
	}
	return r.mibps
}

// loadBudgets are the loopback rows of the budget table.
func loadBudgets(l *loadResults) []budget {
	const jsonWhat, jsonLimit = "loopback JSON restframe / nethttp req/s", "≥ 0.9×"
	var rows []budget
	switch {
	case l == nil || l.json["restframe"] == nil:
		rows = append(rows, budget{jsonWhat, "–", jsonLimit, pendingRest})
	case l.json["nethttp"] == nil:
		rows = append(rows, budget{jsonWhat, "no nethttp run", jsonLimit, "**MISSING**"})
	default:
		rf, nh := median(l.json["restframe"].reqs), median(l.json["nethttp"].reqs)
		r := rf / nh
		rows = append(rows, budget{jsonWhat, fmtRatio(r) + " (" + strconv.FormatFloat(rf, 'f', 0, 64) + " / " +
			strconv.FormatFloat(nh, 'f', 0, 64) + " req/s)", jsonLimit, status(r >= 0.9)})
	}
	const what = "FileResponse 1 GiB"
	if l == nil {
		return append(rows, budget{what, "not run (bench/load.sh)", "RSS growth < 16 MiB; ≥ 0.9× ServeFile", "not run"})
	}
	rf, sf := l.file["restframe"], l.file["servefile"]
	if rf == nil || sf == nil || len(rf.mibps) == 0 || len(sf.mibps) == 0 {
		return append(rows, budget{what, "no data", "RSS growth < 16 MiB; ≥ 0.9× ServeFile", "**MISSING**"})
	}
	growth := (rf.hwmKB - rf.rssBeforeKB) / 1024
	r := median(rf.mibps) / median(sf.mibps)
	return append(rows,
		budget{what + " RSS growth", strconv.FormatFloat(growth, 'f', 1, 64) + " MiB (peak " + strconv.FormatFloat(rf.hwmKB/1024, 'f', 1, 64) + " MiB)",
			"< 16 MiB", status(growth < 16 && len(rf.failures) == 0)},
		budget{what + " throughput / http.ServeFile", fmtRatio(r) + " (" + strconv.FormatFloat(median(rf.mibps), 'f', 0, 64) + " / " +
			strconv.FormatFloat(median(sf.mibps), 'f', 0, 64) + " MiB/s)", "≥ 0.9×", status(r >= 0.9 && len(rf.failures) == 0)})
}
