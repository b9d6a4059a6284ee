package pgtest

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// The server takes password connections over TCP, each test database is
// its own, and the server's default collation is not byte order (so that
// the program's own columns must say COLLATE "C").
func TestServer(t *testing.T) {
	s := Start(t)
	a, b := s.NewDB(t), s.NewDB(t)
	if a == b {
		t.Fatal("two tests share a database")
	}
	ctx := context.Background()
	c, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var lt bool
	if err := c.QueryRow(ctx, "SELECT 'b' < 'A'").Scan(&lt); err != nil {
		t.Fatal(err)
	}
	if lt {
		t.Fatal("the server's collation is byte order; the tests want a realistic one")
	}
	if _, err := pgx.Connect(ctx, s.BareURL(Name(a))); err == nil {
		t.Fatal("connected without a password")
	}
}
