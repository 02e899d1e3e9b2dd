package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"github.com/dossier-news/dossier/internal/golden"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// run runs the command in-process and returns its exit code and output.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut}
	err := m.Run(context.Background(), args)
	code = exitCode(&errOut, err)
	return code, out.String(), errOut.String()
}

// checkRun runs the command with args and checks its exit code, that stdout holds each of
// wantOut, and that stderr holds wantErr.
func checkRun(t *testing.T, args []string, wantCode int, wantOut []string, wantErr string) {
	t.Helper()
	code, stdout, stderr := run(t, "", args...)
	if code != wantCode {
		t.Fatalf("exit code = %d, want %d (stderr: %s)", code, wantCode, stderr)
	}
	for _, w := range wantOut {
		if !strings.Contains(stdout, w) {
			t.Errorf("stdout lacks %q:\n%s", w, stdout)
		}
	}
	if !strings.Contains(stderr, wantErr) {
		t.Errorf("stderr = %q, want it to contain %q", stderr, wantErr)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no command", nil, 2, "no command given"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"analyze without input", []string{"analyze"}, 2, "no input given"},
		{"analyze bad format", []string{"analyze", "--format", "xml", "x.txt"}, 2, `unknown format "xml"`},
		{"analyze bad flag", []string{"analyze", "--nope"}, 2, "flag provided but not defined"},
		{"analyze help", []string{"analyze", "-h"}, 0, "usage: dossier analyze"},
		{"eval without what", []string{"eval"}, 2, "eval needs what to score"},
		{"eval unknown", []string{"eval", "poetry"}, 2, `unknown evaluation "poetry"`},
		{"eval extraction without dir", []string{"eval", "extraction"}, 2, "takes one benchmark directory"},
		{"bench without input", []string{"bench"}, 2, "no input given"},
		{"bench bad repeat", []string{"bench", "-repeat", "0", "x"}, 2, "-repeat must be at least 1"},
		{"help", []string{"help"}, 0, "Commands:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, "", tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (stderr: %s)", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.wantErr)
			}
		})
	}
}

// decodeRecords parses JSON Lines output into generic objects, failing on any line that is not one.
func decodeRecords(t *testing.T, out string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("output line is not JSON: %v\n%s", err, sc.Text())
		}
		recs = append(recs, r)
	}
	return recs
}

func TestAnalyzeExample(t *testing.T) {
	code, stdout, stderr := run(t, "", "analyze", "--example", "--workers", "2")
	if code != 0 {
		t.Fatalf("exit code = %d, want 0; stderr:\n%s", code, stderr)
	}
	recs := decodeRecords(t, stdout)
	if len(recs) < 7 {
		t.Fatalf("got %d records from the example corpus, want at least 7", len(recs))
	}
	var dups, nears int
	for _, r := range recs {
		// The contract: every field present, lists never null.
		for _, key := range []string{"id", "source", "outlet", "title", "published", "lang", "text", "removed",
			"entities", "quotes", "positions", "events", "times"} {
			v, ok := r[key]
			if !ok || v == nil {
				t.Errorf("%v: field %q missing or null", r["source"], key)
			}
		}
		if r["text"] == "" {
			t.Errorf("%v: empty text", r["source"])
		}
		if r["duplicate_of"] != "" {
			dups++
		}
		if r["near_duplicate_of"] != "" {
			nears++
		}
	}
	if dups == 0 || nears == 0 {
		t.Errorf("example corpus: %d exact and %d near duplicates flagged, want at least one of each", dups, nears)
	}
	golden.Check(t, filepath.Join("testdata", "analyze-example.jsonl"), stdout, *update)
}

func TestAnalyzeBadInputsGoOn(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a-good.txt", []byte("Harbour talks resume after the storm\n\nNegotiators from both towns met on Tuesday and agreed to meet again next week, officials said.\n"))
	write("b-empty.txt", nil)
	write("c-binary.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe})
	write("d-broken.jsonl", []byte("{\"title\":\"Ferry resumes\",\"text\":\"The ferry service resumed on Monday after a week of storms.\"}\n{not json\n"))

	code, stdout, stderr := run(t, "", "analyze", dir)
	if code != 1 {
		t.Errorf("exit code = %d, want 1 when inputs fail", code)
	}
	for _, name := range []string{"b-empty.txt", "c-binary.txt", "d-broken.jsonl:2"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr does not name %s:\n%s", name, stderr)
		}
	}
	recs := decodeRecords(t, stdout)
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2 (the good text and the good JSON line); stderr:\n%s", len(recs), stderr)
	}
	if got := recs[0]["title"]; got != "Harbour talks resume after the storm" {
		t.Errorf("first record title = %v, want the text file's headline", got)
	}
}

func TestAnalyzeStdinText(t *testing.T) {
	in := "Bridge reopens after repairs\n\nThe old bridge reopened on Friday. “It is safe again,” the mayor said.\n"
	code, stdout, stderr := run(t, in, "analyze", "--format", "text", "-")
	if code != 0 {
		t.Fatalf("exit code = %d; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"Bridge reopens after repairs", "“It is safe again,” the mayor said."} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text view lacks %q:\n%s", want, stdout)
		}
	}
}

func TestAnalyzeURL(t *testing.T) {
	const page = `<!doctype html><html lang="en"><head><title>Ferry returns | Coast News</title>
<meta property="og:site_name" content="Coast News"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Ferry returns</h1><p>The night ferry to the islands sailed again on Monday after a six-year pause, carrying forty passengers and a van of post.</p>
<p>“We have waited a long time for this,” said the harbour master, who met the boat at the quay.</p></article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}))
	defer srv.Close()

	t.Run("private address refused by default", func(t *testing.T) {
		code, stdout, stderr := run(t, "", "analyze", srv.URL+"/story")
		if code != 1 || stdout != "" || !strings.Contains(stderr, "private address") || !strings.Contains(stderr, srv.URL) {
			t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and one error naming the URL and the refusal", code, stdout, stderr)
		}
	})
	t.Run("allowed with --allow-private", func(t *testing.T) {
		code, stdout, stderr := run(t, "", "analyze", "--allow-private", srv.URL+"/story")
		if code != 0 {
			t.Fatalf("exit %d; stderr:\n%s", code, stderr)
		}
		recs := decodeRecords(t, stdout)
		if len(recs) != 1 || recs[0]["outlet"] != "Coast News" || !strings.Contains(recs[0]["text"].(string), "harbour master") {
			t.Errorf("records = %v, want one article from Coast News with its text", recs)
		}
	})
}

func TestBenchExample(t *testing.T) {
	code, stdout, stderr := run(t, "", "bench", "--example", "-repeat", "1")
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	for _, stage := range []string{"ingest", "extract html", "clean text", "extract all", "analyze", "dedup", "peak memory"} {
		if !strings.Contains(stdout, stage) {
			t.Errorf("bench output lacks %q:\n%s", stage, stdout)
		}
	}
}

func TestEvalExtraction(t *testing.T) {
	dir := t.TempDir()
	const truth = "The night ferry to the islands sailed again on Monday after a six-year pause, carrying forty passengers."
	page := "<html><body><nav>Home News Sport</nav><article><p>" + truth + "</p></article><footer>© Coast News</footer></body></html>"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(page))
	zw.Close()
	if err := os.MkdirAll(filepath.Join(dir, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "html", "k1.html.gz"), gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	gt := `{"k1": {"url": "https://coast.example/ferry", "articleBody": "` + truth + `"}}`
	if err := os.WriteFile(filepath.Join(dir, "ground-truth.json"), []byte(gt), 0o644); err != nil {
		t.Fatal(err)
	}
	pred := filepath.Join(dir, "pred.json")
	if err := os.WriteFile(pred, []byte(`{"k1": "Home News Sport"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"dossier's own extraction", []string{"eval", "extraction", "--worst", "1", dir}, "pages 1  F1 1.0000  precision 1.0000  recall 1.0000  accuracy 1.0000"},
		{"another extractor's predictions", []string{"eval", "extraction", "--pred", pred, dir}, "pages 1  F1 0.0000  precision 0.0000  recall 0.0000  accuracy 0.0000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, "", tt.args...)
			if code != 0 || !strings.Contains(stdout, tt.want) {
				t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s\nwant %q", code, stdout, stderr, tt.want)
			}
		})
	}
}
