package assets

import (
	"testing"

	"golang.org/x/image/font/sfnt"
)

// The font must show every character of a name: GB2312 alone lacks many
// (镕, 玥, 堃, 喆, 昇, 赟, 珺, 璟, 昊 …), so the subset is all of GBK.
func TestFontCoversNameCharacters(t *testing.T) {
	for name, data := range map[string][]byte{"Regular": FontRegular, "Bold": FontBold} {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf sfnt.Buffer
		for _, r := range "朱镕基王玥李堃陈喆张昇赵赟刘珺孙璟周昊巡察统筹组长副组长回避，。（）《》0123456789ABCxyz" {
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				t.Errorf("%s has no glyph for %q", name, r)
			}
		}
	}
}
