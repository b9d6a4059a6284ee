package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"xuncha/assets"
)

// Resources of the embedded files, for the theme and the window icon.
var (
	fontRegular = fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.FontBold)
	iconRes     = fyne.NewStaticResource("icon.png", assets.Icon)
)

// sealRed is the primary colour: the red of the icon's seal.
var sealRed = color.NRGBA{R: 0xb7, G: 0x1c, B: 0x1c, A: 0xff}

// inputBorder is the ring of an unchecked radio button or check box and
// the border of an entry: darker than the grey of a disabled control.
var inputBorder = color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff}

// appTheme is the light default theme with the embedded CJK font for every
// text style (the default font has no Chinese glyphs) and a seal-red
// primary colour.
type appTheme struct{}

var _ fyne.Theme = appTheme{}

func (appTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameFocus:
		if n == theme.ColorNameFocus {
			return color.NRGBA{R: 0xb7, G: 0x1c, B: 0x1c, A: 0x66}
		}
		return sealRed
	case theme.ColorNameSelection:
		return color.NRGBA{R: 0xb7, G: 0x1c, B: 0x1c, A: 0x30}
	case theme.ColorNameInputBorder:
		// Fyne's light border is the grey of a disabled control: an
		// unchecked radio button or check box looked disabled.
		return inputBorder
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (appTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

func (appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (appTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
