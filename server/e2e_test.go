package server_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dossier-news/dossier/brief"
)

// chromium finds a Chromium to drive: $DOSSIER_CHROMIUM, else the first of the usual names on
// the PATH.
func chromium() string {
	if p := os.Getenv("DOSSIER_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives a headless Chromium through the web UI served from the example store,
// as `dossier serve --example` serves it: the story list, a story, its matrix and timeline,
// then a summary citation, which must open its article with the cited sentence marked and in
// view. It saves a screenshot of that page in the test's artifact directory (go test
// -artifacts keeps it).
func TestBrowser(t *testing.T) {
	exe := chromium()
	if exe == "" {
		t.Skip("no Chromium found (install Debian's chromium, or set DOSSIER_CHROMIUM): the browser test is skipped")
	}
	srv, _ := exampleServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Run(sctx, ln) }()
	defer func() {
		stop()
		if err := <-served; err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	base := "http://" + ln.Addr().String()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root in a container, where Chromium's sandbox cannot start
		chromedp.WindowSize(1100, 900),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelBrowser := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	defer cancelBrowser()
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// The story list.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(`a.story-title`)); err != nil {
		t.Fatalf("open the story list: %v", err)
	}
	href, err := chromedp.Run(ctx, chromedp.AttributeValue(`a.story-title`, "href"))
	if err != nil {
		t.Fatalf("read the first story's link: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(`a.story-title`), chromedp.WaitVisible(`#summary`)); err != nil {
		t.Fatalf("open a story from the list: %v", err)
	}
	var b brief.Briefing
	getJSON(t, srv, "/api/stories/"+strings.TrimPrefix(href.Value, "/stories/")+"/brief", http.StatusOK, &b)
	if len(b.Summary) == 0 || len(b.Matrix) == 0 || len(b.Timeline) == 0 {
		t.Fatalf("the example story's briefing has %d summary sentences, %d matrix rows, %d moments", len(b.Summary), len(b.Matrix), len(b.Timeline))
	}

	// The story: the matrix and the timeline render.
	rows, err := chromedp.Run(ctx, chromedp.Nodes(`table.matrix tbody tr`))
	if err != nil {
		t.Fatalf("find the matrix: %v", err)
	}
	evidence, err := chromedp.Run(ctx, chromedp.Nodes(`table.matrix td.cell blockquote`))
	if err != nil {
		t.Fatalf("find the matrix's evidence: %v", err)
	}
	if len(rows) != len(b.Matrix) || len(evidence) == 0 {
		t.Errorf("matrix shows %d rows and %d pieces of evidence; the briefing has %d rows", len(rows), len(evidence), len(b.Matrix))
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(`svg.timeline-chart`)); err != nil {
		t.Fatalf("find the timeline chart: %v", err)
	}
	marks, err := chromedp.Run(ctx, chromedp.Nodes(`svg.timeline-chart .ev`))
	if err != nil {
		t.Fatalf("find the timeline's events: %v", err)
	}
	width, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("svg.timeline-chart").getBoundingClientRect().width`))
	if err != nil {
		t.Fatalf("measure the timeline chart: %v", err)
	}
	if len(marks) != len(b.Timeline) || width < 300 {
		t.Errorf("timeline chart shows %d events, %.0f pixels wide; the briefing has %d events", len(marks), width, len(b.Timeline))
	}

	// A summary citation opens its article with the cited sentence marked and in view: the one
	// furthest into its article, so that the page has to scroll to show it.
	cite := b.Summary[0].Citations[0]
	for _, st := range b.Summary {
		for _, c := range st.Citations {
			if c.Start > cite.Start {
				cite = c
			}
		}
	}
	link := fmt.Sprintf(`ol.summary a.cite[href="/articles/%s?s=%d&e=%d#cite"]`, cite.Article, cite.Start, cite.End)
	if err := chromedp.Do(ctx,
		chromedp.Click(link),
		chromedp.WaitVisible(`mark#cite`),
		chromedp.Sleep(300*time.Millisecond), // let the script centre the sentence
	); err != nil {
		t.Fatalf("follow a summary citation: %v", err)
	}
	marked, err := chromedp.Run(ctx, chromedp.Text(`mark#cite`))
	if err != nil {
		t.Fatalf("read the marked sentence: %v", err)
	}
	location, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	inView, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const r = document.getElementById("cite").getBoundingClientRect();
		return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; })()`))
	if err != nil {
		t.Fatalf("place the marked sentence: %v", err)
	}
	u, err := url.Parse(location)
	if err != nil {
		t.Fatal(err)
	}
	if u.Path != "/articles/"+cite.Article || u.Query().Get("s") != itoa(cite.Start) || u.Fragment != "cite" {
		t.Errorf("the citation opened %s, want article %s at %d", location, cite.Article, cite.Start)
	}
	if strings.Join(strings.Fields(marked), " ") != strings.Join(strings.Fields(cite.Text), " ") {
		t.Errorf("marked %q, want the cited %q", marked, cite.Text)
	}
	if !inView {
		t.Error("the marked sentence is not in the window")
	}

	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(t.ArtifactDir(), "cited-sentence.png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the cited sentence: %s", path)
}
