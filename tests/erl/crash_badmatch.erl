-module(crash_badmatch).
-export([main/0]).

%% An uncaught badmatch deep in the call chain: the stack trace has several frames.

main() ->
    outer(3).

outer(N) -> [inner(N) | []].

inner(N) ->
    {ok, V} = lookup(N),
    V.

lookup(N) -> {error, {not_found, N, 1.5, [a, "b"]}}.
