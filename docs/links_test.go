package docs

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// mdLink is a Markdown link or image: [text](target).
var mdLink = regexp.MustCompile(`\]\(([^)#\s]+)(#[^)]*)?\)`)

// Every relative link of the README and the docs leads to a file of the
// repository: a clone has nothing beside it (no ../shared/SPEC.md).
func TestLinksStayInTheRepository(t *testing.T) {
	root, _ := filepath.Abs("..")
	files, _ := filepath.Glob("*.md")
	files = append(files, filepath.Join("..", "README.md"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range mdLink.FindAllStringSubmatch(string(b), -1) {
			target := m[1]
			if strings.Contains(target, "://") {
				continue
			}
			p, _ := filepath.Abs(filepath.Join(filepath.Dir(f), target))
			if !strings.HasPrefix(p, root+string(filepath.Separator)) {
				t.Errorf("%s links %s, outside the repository", f, target)
				continue
			}
			if _, err := os.Stat(p); err != nil {
				t.Errorf("%s links %s, which is not there", f, target)
			}
		}
	}
}

// The guide embedded for F1 is the guide of the repository.
func TestGuideEmbedded(t *testing.T) {
	b, err := os.ReadFile("使用说明.md")
	if err != nil || string(b) != Guide {
		t.Errorf("Guide differs from 使用说明.md (%v)", err)
	}
}
