package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The house rules of layering (STYLE.md): dependencies point ui → app →
// model; nothing in app or model imports Fyne; the algorithmic packages
// take plain values and import neither gorm nor the database; SQL that only
// SQLite speaks stays in model/sqlite.go. These tests read the sources
// (test files left out) so that a slip fails here rather than in review.

const modulePath = "xuncha"

// moduleRoot is the repository root, one level above this package.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// sourceFiles parses the non-test Go files of directory dir.
func sourceFiles(t *testing.T, dir string) []*ast.File {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []*ast.File
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, n), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		f.Name = ast.NewIdent(n) // remember the file's name for messages
		out = append(out, f)
	}
	return out
}

func importPath(s *ast.ImportSpec) string {
	p, _ := strconv.Unquote(s.Path.Value)
	return p
}

// TestAlgorithmicPackagesImportNoDatabaseNorGUI follows the imports of
// recusal, assign, draw and calendar through the module: none may reach
// gorm, the SQLite driver, model or Fyne.
func TestAlgorithmicPackagesImportNoDatabaseNorGUI(t *testing.T) {
	root := moduleRoot(t)
	banned := []string{"gorm.io/", "fyne.io/", "github.com/glebarez/", "modernc.org/sqlite", modulePath + "/model", modulePath + "/ui"}
	for _, pkg := range []string{"app/recusal", "app/assign", "app/draw", "app/calendar"} {
		seen := map[string]bool{}
		var walk func(rel string, via []string)
		walk = func(rel string, via []string) {
			if seen[rel] {
				return
			}
			seen[rel] = true
			for _, f := range sourceFiles(t, filepath.Join(root, rel)) {
				for _, s := range f.Imports {
					p := importPath(s)
					for _, b := range banned {
						if strings.HasPrefix(p, b) {
							t.Errorf("%s imports %s (via %s, file %s)", pkg, p, strings.Join(append(via, rel), " → "), f.Name.Name)
						}
					}
					if sub, ok := strings.CutPrefix(p, modulePath+"/"); ok {
						walk(sub, append(via, rel))
					}
				}
			}
		}
		walk(pkg, nil)
	}
}

// TestNoFyneInAppOrModel checks every package of app and model.
func TestNoFyneInAppOrModel(t *testing.T) {
	root := moduleRoot(t)
	for _, top := range []string{"app", "model"} {
		filepath.WalkDir(filepath.Join(root, top), func(path string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() || d.Name() == "testdata" {
				return err
			}
			for _, f := range sourceFiles(t, path) {
				for _, s := range f.Imports {
					if p := importPath(s); strings.HasPrefix(p, "fyne.io/") || strings.HasPrefix(p, modulePath+"/ui") {
						rel, _ := filepath.Rel(root, path)
						t.Errorf("%s/%s imports %s", rel, f.Name.Name, p)
					}
				}
			}
			return nil
		})
	}
}

// sqliteOnly matches SQL that only SQLite speaks.
var sqliteOnly = regexp.MustCompile(`(?i)\bPRAGMA\b|\bjson_each\b|\bVACUUM\b|\bsqlite_(master|schema|sequence|version)\b|\bATTACH\s+DATABASE\b`)

// TestSQLiteOnlySQLInModelSQLite looks through the string literals of app
// and model for SQLite's own SQL: it belongs in model/sqlite.go, behind a
// function named for what it does.
func TestSQLiteOnlySQLInModelSQLite(t *testing.T) {
	root := moduleRoot(t)
	for _, top := range []string{"app", "model"} {
		filepath.WalkDir(filepath.Join(root, top), func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || rel == filepath.Join("model", "sqlite.go") {
				return nil
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && sqliteOnly.MatchString(lit.Value) {
					t.Errorf("%s:%d: SQLite-only SQL %s outside model/sqlite.go", rel, fset.Position(lit.Pos()).Line, lit.Value)
				}
				return true
			})
			return nil
		})
	}
}
