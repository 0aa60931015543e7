-module(deep_recursion).
-export([main/0]).

%% Non-tail recursion to depth 1,000,000 (stack growth), deep lists and deep nested terms.

main() ->
    L = build(1000000),
    io:format("~w ~w ~w~n", [length(L), hd(L), lists:last(L)]),
    io:format("~w~n", [sum(L)]),
    io:format("~w~n", [len(L)]),
    M = lists:map(fun(X) -> X * 2 end, L),
    io:format("~w~n", [lists:sum(M)]),
    Nested = nest(100000),
    io:format("~w~n", [depth(Nested)]),
    io:format("~w~n", [length(lists:append([[I] || I <- lists:seq(1, 300000)]))]),
    io:format("~w~n", [length(lists:flatten(deep_list(200000)))]),
    io:format("~w~n", [erlang:phash2(Nested)]),
    io:format("~w~n", [byte_size(term_to_binary(Nested))]),
    io:format("~w~n", [binary_to_term(term_to_binary(Nested)) =:= Nested]),
    ok.

build(0) -> [];
build(N) -> [N | build(N - 1)].

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

nest(0) -> leaf;
nest(N) -> {node, nest(N - 1)}.

depth(leaf) -> 0;
depth({node, T}) -> 1 + depth(T).

deep_list(0) -> [];
deep_list(N) -> [N, [deep_list(N - 1)]].
