-module(exc_stacktrace).
-export([main/0]).

%% Stack traces: frames of this module with {file,...},{line,...}; BIF frames with args and error_info.

main() ->
    show(fun() -> a(1) end),
    show(fun() -> atom_to_list(id(42)) end),
    show(fun() -> lists:nth(id(0), [a]) end),
    show(fun() -> element(id(5), {}) end),
    show(fun() -> nonexported(id(x)) end),
    show(fun() -> tail_a(3) end),
    show(fun() -> body_a(3) end),
    show(fun() -> throw(id(t)) end),
    show(fun() -> exit(id(e)) end),
    try error(id(r)) catch error:r:S0 -> io:format("top ~p~n", [hd(S0)]) end,
    ok.

show(F) ->
    try F() catch C:R:S ->
        Own = [Fr || {M, _, _, _} = Fr <- S, M =/= init],
        io:format("~p ~p~n", [C, R]),
        [io:format("  ~p~n", [Fr]) || Fr <- Own]
    end.

a(X) -> b(X) + 1.
b(X) -> c(X) * 2.
c(X) -> X + id(undefined).

nonexported(a) -> ok.

tail_a(0) -> error(tail_bottom);
tail_a(N) -> tail_a(N - 1).

body_a(0) -> error(body_bottom);
body_a(N) -> [N | body_a(N - 1)].

id(X) -> X.
