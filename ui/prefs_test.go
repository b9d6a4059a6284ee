package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

func TestDocumentsDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("on Windows the Documents known folder is asked for")
	}
	cases := []struct {
		name    string
		folders []string
		want    string
	}{
		{"中文系统的文档文件夹", []string{"文档", "下载"}, "文档"},
		{"英文系统的Documents", []string{"Documents"}, "Documents"},
		{"两者都有取Documents", []string{"文档", "Documents"}, "Documents"},
		{"都没有时取主目录", []string{"桌面"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			home := filepath.Join(t.TempDir(), "张 三")
			for _, f := range c.folders {
				must(t, os.MkdirAll(filepath.Join(home, f), 0o700))
			}
			t.Setenv("HOME", home)
			if got, want := documentsDir(), filepath.Join(home, c.want); got != want {
				t.Errorf("documentsDir() = %q, want %q", got, want)
			}
		})
	}
}

func TestStartFolderRemembersLastUsed(t *testing.T) {
	a := test.NewTempApp(t)
	home := t.TempDir()
	must(t, os.Mkdir(filepath.Join(home, "文档"), 0o700))
	t.Setenv("HOME", home)
	p := a.Preferences()
	if runtime.GOOS != "windows" {
		if got := startFolder(p); got != filepath.Join(home, "文档") {
			t.Errorf("first dialog starts in %q, want 文档", got)
		}
	}
	last := filepath.Join(home, "巡察 资料", "2026年")
	must(t, os.MkdirAll(last, 0o700))
	rememberFolder(p, last)
	if got := startFolder(p); got != last {
		t.Errorf("after choosing a file there: %q, want %q", got, last)
	}
	rememberFolder(p, filepath.Join(home, "不存在"))
	if got := startFolder(p); got != last {
		t.Errorf("a folder that does not exist was remembered: %q", got)
	}
	must(t, os.RemoveAll(filepath.Join(home, "巡察 资料")))
	if got := startFolder(p); got != documentsDir() {
		t.Errorf("the last folder was removed: %q, want Documents %q", got, documentsDir())
	}
}

func TestWindowSizeRemembered(t *testing.T) {
	cases := []struct {
		name  string
		saved fyne.Size // zero: nothing saved
		want  fyne.Size
	}{
		{"首次启动用默认大小", fyne.Size{}, fyne.NewSize(windowWidth, windowHeight)},
		{"记住放大后的窗口", fyne.NewSize(1600, 960), fyne.NewSize(1600, 960)},
		{"过小的窗口恢复为最小尺寸", fyne.NewSize(800, 500), fyne.NewSize(minWindowWidth, minWindowHeight)},
		{"只是太矮", fyne.NewSize(1400, 600), fyne.NewSize(1400, minWindowHeight)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := test.NewTempApp(t).Preferences()
			rememberWindowSize(p, c.saved)
			if got := savedWindowSize(p); got != c.want {
				t.Errorf("restored %v, want %v", got, c.want)
			}
		})
	}
	t.Run("未显示的窗口不覆盖", func(t *testing.T) {
		p := test.NewTempApp(t).Preferences()
		rememberWindowSize(p, fyne.NewSize(1500, 900))
		rememberWindowSize(p, fyne.Size{})
		if got := savedWindowSize(p); got != fyne.NewSize(1500, 900) {
			t.Errorf("restored %v", got)
		}
	})
}

func TestSavePathExtension(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "巡察 导出")
	must(t, os.Mkdir(dir, 0o700))
	cases := []struct {
		name, typed string
		exts        []string
		want        string
	}{
		{"未写扩展名补xlsx", "人员名单", []string{".xlsx"}, "人员名单.xlsx"},
		{"已写扩展名不变", "人员名单.xlsx", []string{".xlsx"}, "人员名单.xlsx"},
		{"大写扩展名不变", "人员名单.XLSX", []string{".xlsx"}, "人员名单.XLSX"},
		{"名单可存CSV", "人员 名单.csv", []string{".xlsx", ".csv"}, "人员 名单.csv"},
		{"CSV不是工作簿时补xlsx", "人员.csv", []string{".xlsx"}, "人员.csv.xlsx"},
		{"名中有点", "第2.1轮", []string{".pdf"}, "第2.1轮.pdf"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			typed := filepath.Join(dir, c.typed)
			must(t, os.WriteFile(typed, nil, 0o600)) // what the save dialog leaves
			removeIfEmpty(typed)
			if _, err := os.Stat(typed); !os.IsNotExist(err) {
				t.Errorf("the dialog's empty file %s is left", c.typed)
			}
			if got := withExt(typed, c.exts); got != filepath.Join(dir, c.want) {
				t.Errorf("path = %q, want %q", filepath.Base(got), c.want)
			}
		})
	}
	t.Run("非空文件不删", func(t *testing.T) {
		p := filepath.Join(dir, "旧名单.xlsx")
		must(t, os.WriteFile(p, []byte("x"), 0o600))
		removeIfEmpty(p)
		if _, err := os.Stat(p); err != nil {
			t.Error("a file with content was removed")
		}
	})
}

func TestOpenAtStartScreen(t *testing.T) {
	m, svc, path := fileWorld(t, "演示数据.db")
	m.openAtStart("人员库/新增/取消")
	m.signIn(svc, path)
	test.Tap(m.session().first.skip)
	if m.cur < 0 || m.screens[m.cur].title != "人员库" {
		t.Fatalf("screen shown: %d", m.cur)
	}
	ps := m.views[m.cur].(*peopleScreen)
	overlays := m.win.Canvas().Overlays()
	m.session().work.wait() // the buttons pressed, the daily backup made
	if ps.form == nil {
		t.Error("人员库/新增 did not open the person form")
	}
	if overlays.Top() != nil {
		t.Error("取消 was not pressed in the person form")
	}
	m.nav.Select(0)
	if m.cur != 0 {
		t.Error("the navigation no longer works after the start screen")
	}
}

// TestFyneDialogsStartInDocuments checks that a dialog opened without the
// helper (Fyne's own memory of the last folder) starts in 文档 the first
// time, and that a folder Fyne remembered is kept.
func TestFyneDialogsStartInDocuments(t *testing.T) {
	a := test.NewTempApp(t)
	home := t.TempDir()
	must(t, os.Mkdir(filepath.Join(home, "文档"), 0o700))
	t.Setenv("HOME", home)
	p := a.Preferences()
	seedDialogFolder(p)
	if got := p.String(fyneLastFolder); runtime.GOOS != "windows" && got != storage.NewFileURI(filepath.Join(home, "文档")).String() {
		t.Errorf("seeded %q", got)
	}
	p.SetString(fyneLastFolder, "file:///elsewhere")
	seedDialogFolder(p)
	if got := p.String(fyneLastFolder); got != "file:///elsewhere" {
		t.Errorf("the folder Fyne remembered was replaced: %q", got)
	}
}

// A preferences file cut short by a crash is removed before Fyne reads it;
// a good one stays.
func TestMendPreferences(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, text string
		kept       bool
	}{{"空文件", "", false}, {"写了一半", `{"window.width": 12`, false}, {"完好", `{"window.width": 1280}`, true}} {
		path := filepath.Join(dir, c.name+".json")
		must(t, os.WriteFile(path, []byte(c.text), 0o600))
		mendPreferences(path)
		if _, err := os.Stat(path); (err == nil) != c.kept {
			t.Errorf("%s: kept %v", c.name, err == nil)
		}
	}
}

// Without a runtime folder, the session gets a private one.
func TestEnsureRuntimeDir(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("Linux only")
	}
	t.Setenv("XDG_RUNTIME_DIR", "")
	t.Setenv("TMPDIR", t.TempDir())
	ensureRuntimeDir()
	d := os.Getenv("XDG_RUNTIME_DIR")
	if st, err := os.Stat(d); err != nil || !st.IsDir() || st.Mode().Perm() != 0o700 {
		t.Errorf("XDG_RUNTIME_DIR = %q, %v", d, err)
	}
}
