/** A LIKE pattern's wildcards taken literally (use with `escape '\'`): "50%" finds "50%", not "500". */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
