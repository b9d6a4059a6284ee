package outfile

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryWriterGoesThroughOutfile reads the sources of app and ui (test
// files left out) for the ways of writing a file that bypass this package:
// os.WriteFile, os.Create, os.OpenFile, os.CreateTemp, and the libraries'
// own savers (excelize's SaveAs, gopdf's WritePdf). A new export that
// writes straight to its target fails here rather than half-writing a
// clerk's file on a full disk.
func TestEveryWriterGoesThroughOutfile(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	osWriters := map[string]bool{"WriteFile": true, "Create": true, "OpenFile": true, "CreateTemp": true}
	libWriters := map[string]bool{"SaveAs": true, "WritePdf": true}
	found := 0
	for _, top := range []string{"app", "ui"} {
		filepath.WalkDir(filepath.Join(root, top), func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			if d.IsDir() {
				if rel == filepath.Join("app", "outfile") || d.Name() == "testdata" {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			found++
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				pkg, _ := sel.X.(*ast.Ident)
				if (pkg != nil && pkg.Name == "os" && osWriters[sel.Sel.Name]) || libWriters[sel.Sel.Name] {
					t.Errorf("%s:%d: %s writes a file around outfile", rel, fset.Position(call.Pos()).Line, sel.Sel.Name)
				}
				return true
			})
			return nil
		})
	}
	if found < 50 {
		t.Fatalf("read only %d source files: wrong root %s?", found, root)
	}
}
