package ui

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

func TestShellFor(t *testing.T) {
	has := func(cmds ...string) func(string) (string, error) {
		return func(c string) (string, error) {
			for _, x := range cmds {
				if x == c {
					return "/usr/bin/" + c, nil
				}
			}
			return "", errors.New("not found")
		}
	}
	pdf := `C:\Users\王\文档\2026-2 编组名单.pdf`
	cases := []struct {
		name string
		goos string
		act  fileAction
		path string
		look func(string) (string, error)
		want shellRequest
		err  error
	}{
		{"Windows 打开", "windows", actOpen, pdf, has(), shellRequest{Verb: "open", File: pdf}, nil},
		{"Windows 打印", "windows", actPrint, pdf, has(), shellRequest{Verb: "print", File: pdf}, nil},
		{"Windows 打开所在文件夹", "windows", actFolder, pdf, has(),
			shellRequest{Verb: "open", File: "explorer.exe", Params: `/select,"C:\Users\王\文档\2026-2 编组名单.pdf"`}, nil},
		{"Linux 打开", "linux", actOpen, "/home/王/文档/名单 1.pdf", has(), shellRequest{Args: []string{"xdg-open", "/home/王/文档/名单 1.pdf"}}, nil},
		{"Linux 打开所在文件夹", "linux", actFolder, "/home/王/文档/名单.pdf", has(), shellRequest{Args: []string{"xdg-open", "/home/王/文档"}}, nil},
		{"Linux 用 lp 打印", "linux", actPrint, "/tmp/a.pdf", has("lp", "lpr"), shellRequest{Args: []string{"lp", "/tmp/a.pdf"}}, nil},
		{"Linux 只有 lpr", "linux", actPrint, "/tmp/a.pdf", has("lpr"), shellRequest{Args: []string{"lpr", "/tmp/a.pdf"}}, nil},
		{"Linux 没有打印命令", "linux", actPrint, "/tmp/a.pdf", has(), shellRequest{}, errNoPrinter},
		{"Mac 显示在访达", "darwin", actFolder, "/Users/w/a.pdf", has(), shellRequest{Args: []string{"open", "-R", "/Users/w/a.pdf"}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := shellFor(c.goos, c.act, c.path, c.look)
			if !errors.Is(err, c.err) || !reflect.DeepEqual(got, c.want) {
				t.Errorf("shellFor = %+v, %v; want %+v, %v", got, err, c.want, c.err)
			}
		})
	}
}

// After an export the message offers 打开文件, 打开所在文件夹 and, for a
// PDF, 打印; each asks the system; Enter and Esc close it.
func TestExportedOffersOpenAndPrint(t *testing.T) {
	_, w := testWorld(t)
	var got []shellRequest
	testHookShell = func(r shellRequest) { got = append(got, r) }
	t.Cleanup(func() { testHookShell = nil })
	m := newMainWindow(fyne.CurrentApp(), w, "测试")
	w.SetContent(m.build())
	d := showExported(w, "已生成编组名单", "/tmp/名单.pdf")
	if d.print == nil || !strings.Contains(strings.Join(topButtons(w), " "), "打开文件 打开所在文件夹 打印") {
		t.Fatalf("buttons %v", topButtons(w))
	}
	tapTop(t, w, "打开文件")
	if len(got) != 1 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("打开文件 asked %v; dialog open %v", got, w.Canvas().Overlays().Top() != nil)
	}
	showExported(w, "已导出全部数据", "/tmp/全部.xlsx")
	if strings.Contains(strings.Join(topButtons(w), " "), "打印") {
		t.Error("a workbook offered 打印")
	}
	for _, k := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
		if w.Canvas().Overlays().Top() == nil {
			showExported(w, "已导出", "/tmp/x.xlsx")
		}
		if !key(m, k) || w.Canvas().Overlays().Top() != nil {
			t.Errorf("%s did not close the message", k)
		}
	}
}
