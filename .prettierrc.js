module.exports = {
	useTabs: true,
	tabWidth: 2,
	semi: true,
	singleQuote: true,
	trailingComma: 'all',
	printWidth: 100,
	arrowParens: 'always',
	endOfLine: 'lf',
};
