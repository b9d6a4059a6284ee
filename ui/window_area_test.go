package ui

import (
	"image"
	"testing"
)

func TestFitWindow(t *testing.T) {
	win10 := frameInsets{Left: 8, Top: 31, Right: 8, Bottom: 8}
	cases := []struct {
		name      string
		area      screenArea
		frame     frameInsets
		want      image.Point
		pos, size image.Point
	}{
		{"1366×768，任务栏在下", screenArea{0, 0, 1366, 728}, win10, image.Pt(1280, 800), image.Pt(43, 31), image.Pt(1280, 689)},
		{"任务栏在上", screenArea{0, 40, 1366, 728}, win10, image.Pt(1280, 800), image.Pt(43, 71), image.Pt(1280, 689)},
		{"大屏居中", screenArea{0, 0, 1920, 1040}, win10, image.Pt(1280, 800), image.Pt(320, 131), image.Pt(1280, 800)},
		{"1024×700 的屏幕", screenArea{0, 0, 1024, 700}, win10, image.Pt(1280, 800), image.Pt(8, 31), image.Pt(1008, 661)},
		{"第二屏在左", screenArea{-1366, 0, 1366, 768}, frameInsets{}, image.Pt(1024, 700), image.Pt(-1195, 34), image.Pt(1024, 700)},
		{"无边框（Xvfb）", screenArea{0, 0, 1366, 768}, frameInsets{}, image.Pt(1366, 768), image.Pt(0, 0), image.Pt(1366, 768)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pos, size := fitWindow(c.area, c.frame, c.want)
			if pos != c.pos || size != c.size {
				t.Errorf("fitWindow = %v %v, want %v %v", pos, size, c.pos, c.size)
			}
			if pos.Y-c.frame.Top < c.area.Y || pos.X-c.frame.Left < c.area.X ||
				pos.Y+size.Y+c.frame.Bottom > c.area.Y+c.area.H || pos.X+size.X+c.frame.Right > c.area.X+c.area.W {
				t.Errorf("the window at %v %v leaves the area %v", pos, size, c.area)
			}
		})
	}
}
