%% unicode_strings.erl — string and unicode processing: UTF-8 binaries to
%% code points and back, string:uppercase/lowercase, lexemes, split, replace,
%% reverse and length by grapheme, over a mixed-script text; repeated.
%% group: sequential
%% args: reps
%% full: 3000
%% quick: 300
-module(unicode_strings).
-export([main/1]).

text() ->
    unicode:characters_to_binary(
      lists:flatten(lists:duplicate(4,
        ["The quick brown fox jumps over the lazy dog. ",
         "Größe, Straße, naïve café, résumé; ",
         [16#3053, 16#3093, 16#306B, 16#3061, 16#306F], " ",
         [16#4E16, 16#754C], ", ",
         [16#041F, 16#0440, 16#0438, 16#0432, 16#0435, 16#0442], " ",
         [16#03B1, 16#03B2, 16#03B3], " e", 16#0301, " ",
         "\n"]))).

work(T) ->
    Up = string:uppercase(T),
    Low = string:lowercase(T),
    Words = string:lexemes(T, " ,.;\n"),
    Lens = [string:length(W) || W <- Words],
    Cps = unicode:characters_to_list(T),
    Back = unicode:characters_to_binary(lists:reverse(Cps)),
    Rep = string:replace(T, "fox", "wolf", all),
    Parts = string:split(T, ", ", all),
    Rev = string:reverse(Low),
    erlang:phash2({byte_size(Up), erlang:crc32(Up), erlang:crc32(Low), Lens,
                   erlang:crc32(Back), iolist_size(Rep), length(Parts),
                   string:length(Rev), string:find(T, "café")}).

loop(0, _, Acc) -> Acc;
loop(N, T, Acc) -> loop(N - 1, T, (Acc + work(T)) rem 1000000007).

main([Reps]) ->
    T = text(),
    {R, Us} = bench_lib:timed(fun() -> loop(bench_lib:int(Reps), T, 0) end),
    bench_lib:report(R, Us).
