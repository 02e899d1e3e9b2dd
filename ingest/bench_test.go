package ingest_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/ingest"
)

// benchText makes an article of about n bytes from invented sentences, different for each i so
// that no two files are alike.
func benchText(i, n int) string {
	sentences := []string{
		"The harbour council of Velmora met on %s to discuss the winter timetable of the night ferry.",
		"Councillor Ines Marlow said the outer islands could not be left without a crossing for %s.",
		"Fishermen from Skarra Point asked for the quay to be repaired before the storms of %s.",
		"The port office expects dues to rise by a tenth, according to the draft budget for %s.",
	}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "five months", "October", "2031"}
	var b strings.Builder
	for j := 0; b.Len() < n; j++ {
		fmt.Fprintf(&b, sentences[(i+j)%len(sentences)], days[(i*7+j)%len(days)])
		if j%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func BenchmarkReadDir(b *testing.B) {
	dir := b.TempDir()
	files := make(map[string][]byte)
	var total int64
	for i := range 200 {
		text := benchText(i, 6000)
		files[fmt.Sprintf("%03d.txt", i)] = []byte(text)
		total += int64(len(text))
	}
	writeFiles(b, dir, files)
	r := ingest.New(ingest.Options{})
	b.SetBytes(total)
	for b.Loop() {
		n := 0
		for d, err := range r.Read(b.Context(), []string{dir}) {
			if err != nil {
				b.Fatal(err)
			}
			n += len(d.Body)
		}
		if int64(n) != total {
			b.Fatalf("read %d bytes, want %d", n, total)
		}
	}
}

// BenchmarkReadWARC reads a per-record gzip WARC of 300 pages; MB/s counts the uncompressed
// pages, the bytes a reader of the crawl cares about.
func BenchmarkReadWARC(b *testing.B) {
	var recs []warcRecord
	var total int64
	for i := range 300 {
		page := "<!DOCTYPE html><html><head><title>Story</title></head><body><article><p>" +
			strings.ReplaceAll(benchText(i, 15000), "\n\n", "</p>\n<p>") + "</p></article></body></html>"
		recs = append(recs,
			warcRecord{typ: "request", target: fmt.Sprintf("https://ledger.example/%d", i),
				contentType: "application/http; msgtype=request", block: []byte("GET / HTTP/1.1\r\n\r\n")},
			responseRecord(fmt.Sprintf("https://ledger.example/%d", i), "200 OK",
				[]string{"Content-Type", "text/html; charset=utf-8"}, []byte(page)))
		total += int64(len(page))
	}
	dir := b.TempDir()
	writeFiles(b, dir, map[string][]byte{"crawl.warc.gz": writeWARC(b, recs, true)})
	path := filepath.Join(dir, "crawl.warc.gz")
	benchmarkRead(b, path, total, 300)
}

// BenchmarkReadJSONL reads 1000 records of JSON Lines.
func BenchmarkReadJSONL(b *testing.B) {
	var sb strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&sb, "{\"url\": \"https://wire.example/%d\", \"title\": \"Story %d\", \"published\": \"2031-06-13T09:00:00Z\", \"text\": %q}\n",
			i, i, benchText(i, 3000))
	}
	dir := b.TempDir()
	writeFiles(b, dir, map[string][]byte{"wire.jsonl": []byte(sb.String())})
	path := filepath.Join(dir, "wire.jsonl")
	benchmarkRead(b, path, int64(sb.Len()), 1000)
}

// benchmarkRead reads path over and over, checking that every read yields want documents.
func benchmarkRead(b *testing.B, path string, size int64, want int) {
	r := ingest.New(ingest.Options{})
	b.SetBytes(size)
	for b.Loop() {
		n := 0
		for _, err := range r.Read(b.Context(), []string{path}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != want {
			b.Fatalf("read %d documents, want %d", n, want)
		}
	}
}
