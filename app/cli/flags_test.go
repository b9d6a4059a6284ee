package cli

import (
	"errors"
	"strings"
	"testing"
)

// Every command that takes flags only refuses a positional argument and a
// missing required flag as a usage error (exit 2) naming it.
func TestParseFlagsOnly(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"roster", "--db", "x.db", "extra"}, `多余的参数 "extra"`},
		{[]string{"roster", "--db", "x.db"}, "缺少 --round 轮次编码"},
		{[]string{"resume", "--db", "x.db"}, "缺少 --person 人员编号"},
		{[]string{"owing", "--db", "x.db", "a", "b"}, `多余的参数 "a"`},
		{[]string{"ledger", "--db", "x.db", "a"}, `多余的参数 "a"`},
		{[]string{"assign", "--db", "x.db", "--round", "R", "a"}, `多余的参数 "a"`},
	} {
		_, stderr, code := runCLI(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
	fs := newFlags(&Env{Stderr: new(strings.Builder)}, "x")
	v := fs.String("v", "", "")
	var ue *UsageError
	if err := parseFlagsOnly(fs, []string{"--v", "1"}, need{v, "--v 值"}); err != nil {
		t.Errorf("given: %v", err)
	}
	if err := parseFlagsOnly(fs, []string{"--v", ""}, need{v, "--v 值"}); !errors.As(err, &ue) || !strings.Contains(err.Error(), "缺少 --v 值") {
		t.Errorf("empty: %v", err)
	}
}
