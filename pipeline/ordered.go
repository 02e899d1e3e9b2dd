package pipeline

import (
	"context"
	"iter"
	"sync"
)

// Ordered calls work on each input, with the error that came with it, on workers goroutines
// at once (at least one), and hands the results to out in input order, from the calling
// goroutine, whatever order the workers finish in. more tells out whether further results are
// already waiting, so that a consumer that writes in batches knows when a batch may close
// without holding back what is ready. Ordered stops early only when ctx is done or out returns
// an error, and returns that error.
//
// Run is built on it; so is every caller that adds its own steps around the parallel work (the
// store's Adder looks each document up before analysing it), so that the reassembly of parallel
// work exists once.
func Ordered[In, Out any](ctx context.Context, workers int, in iter.Seq2[In, error], work func(In, error) Out, out func(o Out, more bool) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers = max(workers, 1)

	type job struct {
		seq int
		in  In
		err error
	}
	type result struct {
		seq int
		out Out
	}
	jobs := make(chan job, workers*2)
	done := make(chan result, workers*2)
	go func() {
		defer close(jobs)
		seq := 0
		for v, err := range in {
			select {
			case jobs <- job{seq, v, err}:
				seq++
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				select {
				case done <- result{j.seq, work(j.in, j.err)}:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(done) }()

	pending := map[int]Out{}
	next := 0
	for r := range done {
		pending[r.seq] = r.out
		for {
			o, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			_, ready := pending[next]
			if err := out(o, ready || len(done) > 0); err != nil {
				return err
			}
		}
	}
	return ctx.Err()
}
