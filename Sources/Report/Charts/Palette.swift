/// The Okabe–Ito palette: eight colours that stay distinct under the common forms of
/// colour blindness, ordered so the first few series contrast most on white.
public enum Palette {
    public static let okabeIto = [
        "#0072B2", // blue
        "#E69F00", // orange
        "#009E73", // bluish green
        "#D55E00", // vermillion
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#F0E442", // yellow
        "#000000", // black
    ]

    /// The colour of the series at `index`, cycling when there are more than eight.
    public static func colour(_ index: Int) -> String { okabeIto[index % okabeIto.count] }
}
