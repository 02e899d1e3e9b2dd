package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServeUsage(t *testing.T) {
	foreign := filepath.Join(t.TempDir(), "notes.db")
	notes := []byte("shopping: rice, lentils, tea\n")
	if err := os.WriteFile(foreign, notes, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"arguments", []string{"serve", "articles/"}, 2, "serve takes no arguments"},
		{"example with a database", []string{"serve", "--example", "--db", "x.db"}, 2, "drop --db"},
		{"bad flag", []string{"serve", "--port", "80"}, 2, "flag provided but not defined"},
		{"help", []string{"serve", "-h"}, 0, "usage: dossier serve"},
		{"not a dossier database", []string{"serve", "--db", foreign}, 1, "not a dossier database"},
		{"bad address", []string{"serve", "--example", "--addr", "127.0.0.1:http-alt-nope"}, 1, "listen on 127.0.0.1:http-alt-nope"},
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
	if got, _ := os.ReadFile(foreign); !bytes.Equal(got, notes) {
		t.Errorf("serve changed a file that is not a dossier database: %q", got)
	}
}

// lockedBuffer is a stderr the test reads while the command writes to it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeExample runs `dossier serve --example` in-process on a free port, reads what it
// serves, and stops it as SIGTERM would, by cancelling its context.
func TestServeExample(t *testing.T) {
	var stderr lockedBuffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &stderr}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, []string{"serve", "--example", "--addr", "127.0.0.1:0", "--token", "t"})
	}()

	serving := regexp.MustCompile(`msg=serving .*url=(http://\S+/)`)
	var base string
	for deadline := time.Now().Add(60 * time.Second); base == ""; {
		select {
		case err := <-done:
			t.Fatalf("serve stopped before serving: %v\n%s", err, stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
		if m := serving.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", stderr.String())
		}
	}

	res, err := http.Get(base + "api/stories")
	if err != nil {
		t.Fatal(err)
	}
	var list struct {
		Stories []struct {
			ID       string `json:"id"`
			Articles int    `json:"articles"`
		} `json:"stories"`
	}
	err = json.NewDecoder(res.Body).Decode(&list)
	res.Body.Close()
	if err != nil || len(list.Stories) == 0 || list.Stories[0].Articles == 0 {
		t.Fatalf("GET /api/stories: %v, %+v", err, list)
	}
	res, err = http.Get(base + "stories/" + list.Stories[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("story page: status %d", res.StatusCode)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after cancel: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop after its context was cancelled")
	}
	for _, want := range []string{"loaded the example corpus", `msg="http request" method=GET path=/api/stories status=200`, "shutting down"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, stderr.String())
		}
	}
}
