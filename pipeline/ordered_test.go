package pipeline_test

import (
	"context"
	"errors"
	"iter"
	"testing"
	"time"

	"github.com/dossier-news/dossier/pipeline"
)

// numbers yields 0..n-1, with the error of errs[i] beside i.
func numbers(n int, errs map[int]error) iter.Seq2[int, error] {
	return func(yield func(int, error) bool) {
		for i := range n {
			if !yield(i, errs[i]) {
				return
			}
		}
	}
}

func TestOrdered(t *testing.T) {
	stop := errors.New("stop")
	bad := errors.New("unreadable")
	tests := []struct {
		name    string
		n       int
		workers int
		errs    map[int]error
		stopAt  int // out returns stop at this input; -1 never
		want    int // outputs seen
		wantErr error
	}{
		{name: "in order whatever the workers' pace", n: 100, workers: 4, stopAt: -1, want: 100},
		{name: "zero workers means one", n: 10, workers: 0, stopAt: -1, want: 10},
		{name: "input errors reach work", n: 10, workers: 3, errs: map[int]error{2: bad, 7: bad}, stopAt: -1, want: 10},
		{name: "out stops the run", n: 100, workers: 2, stopAt: 5, want: 6, wantErr: stop},
		{name: "empty input", n: 0, workers: 2, stopAt: -1, want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			type result struct {
				n   int
				err error
			}
			work := func(i int, err error) result {
				// Later inputs finish first, so that order has to be restored.
				time.Sleep(time.Duration((tt.n-i)%5) * 100 * time.Microsecond)
				return result{i * i, err}
			}
			seen, lastMore := 0, true
			err := pipeline.Ordered(context.Background(), tt.workers, numbers(tt.n, tt.errs), work, func(r result, more bool) error {
				if r.n != seen*seen {
					t.Fatalf("output %d is %d, want %d: input order lost", seen, r.n, seen*seen)
				}
				if !errors.Is(r.err, tt.errs[seen]) {
					t.Errorf("output %d carries error %v, want %v", seen, r.err, tt.errs[seen])
				}
				lastMore = more
				seen++
				if seen-1 == tt.stopAt {
					return stop
				}
				return nil
			})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if seen != tt.want {
				t.Errorf("saw %d outputs, want %d", seen, tt.want)
			}
			if tt.stopAt < 0 && tt.n > 0 && lastMore {
				t.Error("the last output was told more were waiting")
			}
		})
	}
}

func TestOrderedStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	endless := func(yield func(int, error) bool) {
		for i := 0; ; i++ {
			if !yield(i, nil) {
				return
			}
		}
	}
	seen := 0
	err := pipeline.Ordered(ctx, 2, endless, func(i int, _ error) int { return i }, func(int, bool) error {
		seen++
		if seen == 50 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if seen < 50 {
		t.Errorf("saw %d outputs before the cancel, want at least 50", seen)
	}
}
