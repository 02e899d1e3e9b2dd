package watch

import (
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	const every, most = 15 * time.Minute, 4 * time.Hour
	tests := []struct {
		name     string
		failures int
		r        float64
		want     time.Duration
	}{
		{"first failure, no jitter", 1, 0, 15 * time.Minute},
		{"first failure, most jitter", 1, 0.999999, 7*time.Minute + 30*time.Second},
		{"second failure doubles", 2, 0, 30 * time.Minute},
		{"fifth failure", 5, 0, 4 * time.Hour},
		{"capped", 9, 0, 4 * time.Hour},
		{"capped, jittered by half", 9, 0.5, 3 * time.Hour},
		{"a thousand failures do not overflow", 1000, 0, 4 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := backoff(every, most, tt.failures, tt.r)
			if (got - tt.want).Abs() > time.Millisecond {
				t.Errorf("backoff(%v, %v, %d, %v) = %v, want %v", every, most, tt.failures, tt.r, got, tt.want)
			}
		})
	}
}
