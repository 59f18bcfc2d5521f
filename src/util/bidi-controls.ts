// The bidirectional-formatting characters (Arabic letter mark, LRM/RLM, the embeddings and overrides, the isolates):
// in a label they can visually reorder a drawing, so the exporters drop them. Dropped before anything else is
// escaped, so that one sitting between a CR and its LF does not turn one line break into two.
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
