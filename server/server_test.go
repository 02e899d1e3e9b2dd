package server_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/dossier-news/dossier/server"
)

func TestConfigValidate(t *testing.T) {
	st, _ := newStore(t)
	tests := []struct {
		name string
		cfg  server.Config
		ok   bool
	}{
		{"store only", server.Config{Store: st}, true},
		{"no store", server.Config{Token: testToken}, false},
		{"negative body limit", server.Config{Store: st, MaxBody: -1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := server.New(tt.cfg)
			if (err == nil) != tt.ok {
				t.Errorf("New: err = %v, want ok %v", err, tt.ok)
			}
		})
	}
}

// TestRun serves on a real socket, then stops the way main does on SIGTERM: by cancelling the
// context. Run returns nil once the server has shut down, and the socket is closed.
func TestRun(t *testing.T) {
	srv, _ := exampleServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln) }()

	url := "http://" + ln.Addr().String()
	res, err := http.Get(url + "/api/stories")
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || len(body) == 0 {
		t.Fatalf("GET /api/stories: %d, %d bytes", res.StatusCode, len(body))
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after cancel: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Run did not return after its context was cancelled")
	}
	c := http.Client{Timeout: 5 * time.Second}
	if res, err := c.Get(url + "/"); err == nil {
		res.Body.Close()
		t.Error("GET after shutdown answered, want the connection refused")
	}
}
