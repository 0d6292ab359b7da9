/// The one version number of ccsim: `ccsim --version`, `summary.json`'s `ccsim_version`, the
/// reports and the sweep store all read it from here.
public enum ResultsVersion {
    public static let ccsim = "0.3.0"
}
