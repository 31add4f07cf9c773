public enum AISDecodingPlaceholder {}
