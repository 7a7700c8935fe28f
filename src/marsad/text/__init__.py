"""Arabic text handling: offset-preserving normalisation, sentences, tokens and clitics."""
