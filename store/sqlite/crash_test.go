package sqlite_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-news/dossier/store"
	"github.com/dossier-news/dossier/store/sqlite"
)

// crashEnv names the database a child process of TestCrash adds articles to.
const crashEnv = "DOSSIER_TEST_CRASH_DB"

// TestCrash runs a child process (this test binary again) that adds 1,000 articles, one
// transaction each, and prints each id once its transaction committed; the test kills it with
// SIGKILL midway, reopens the database, and checks that the file is sound and that every
// article the child reported is there, whole.
func TestCrash(t *testing.T) {
	if path := os.Getenv(crashEnv); path != "" {
		crashChild(t, path)
		return
	}
	if testing.Short() {
		t.Skip("adds hundreds of articles in a child process")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrash$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var committed []string
	sc := bufio.NewScanner(out)
	const killAfter = 400
	for sc.Scan() {
		id, ok := strings.CutPrefix(sc.Text(), "committed ")
		if !ok {
			continue
		}
		committed = append(committed, id)
		if len(committed) == killAfter {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	// Lines the child wrote before it died count too: they were committed.
	for sc.Scan() {
		if id, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
			committed = append(committed, id)
		}
	}
	cmd.Wait()
	if len(committed) < killAfter {
		t.Fatalf("the child reported %d articles before it ended, want at least %d", len(committed), killAfter)
	}
	if len(committed) >= 1000 {
		t.Fatal("the child finished before it was killed: nothing was tested")
	}

	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatalf("reopen after the kill: %v", err)
	}
	defer db.Close()
	if err := db.Check(ctx); err != nil {
		t.Fatalf("integrity check after the kill: %v", err)
	}
	for _, id := range committed {
		r, err := db.Article(ctx, id)
		if err != nil {
			t.Errorf("article %s reported committed: %v", id, err)
			continue
		}
		if r.Text == "" || len(r.Entities) == 0 {
			t.Errorf("article %s came back without its text or analysis", id)
		}
	}
	// The store goes on: a new Adder restores the stories and adds more.
	a, err := store.NewAdder(ctx, db, store.AdderOptions{})
	if err != nil {
		t.Fatalf("NewAdder after the kill: %v", err)
	}
	s := newSynth(t, 99)
	if res, err := a.Add(ctx, s.record()); err != nil || res.Status != store.New {
		t.Errorf("Add after the kill = %+v, %v", res, err)
	}
	t.Logf("killed after %d committed articles; all present", len(committed))
}

// crashChild adds 1,000 synthetic articles and reports each commit on stdout, then waits to be
// killed, so that the parent never sees a clean end.
func crashChild(t *testing.T, path string) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := store.NewAdder(ctx, db, store.AdderOptions{SnapshotEvery: 64})
	if err != nil {
		t.Fatal(err)
	}
	s := newSynth(t, 1)
	w := bufio.NewWriter(os.Stdout)
	for range 1000 {
		r := s.record()
		res, err := a.Add(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(w, "committed %s\n", res.ID)
		w.Flush()
	}
	time.Sleep(time.Minute)
}
