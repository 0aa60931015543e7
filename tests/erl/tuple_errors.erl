-module(tuple_errors).
-export([main/0]).

%% Errors from tuple BIFs.

main() ->
    T = {a, b, c},
    Cases = [{"element(0)", fun() -> element(0, T) end},
             {"element(4)", fun() -> element(4, T) end},
             {"element(a)", fun() -> element(a, T) end},
             {"element(list)", fun() -> element(1, [a]) end},
             {"element(big)", fun() -> element(1 bsl 70, T) end},
             {"setelement(0)", fun() -> setelement(0, T, x) end},
             {"setelement(4)", fun() -> setelement(4, T, x) end},
             {"setelement(nontuple)", fun() -> setelement(1, x, x) end},
             {"tuple_size(list)", fun() -> tuple_size([a]) end},
             {"make_tuple(-1)", fun() -> erlang:make_tuple(-1, a) end},
             {"make_tuple(bad init)", fun() -> erlang:make_tuple(2, a, [{3, x}]) end},
             {"make_tuple(bad init2)", fun() -> erlang:make_tuple(2, a, [x]) end},
             {"list_to_tuple(improper)", fun() -> list_to_tuple([a | b]) end},
             {"tuple_to_list(atom)", fun() -> tuple_to_list(a) end},
             {"delete_element(0)", fun() -> erlang:delete_element(0, T) end},
             {"delete_element(4)", fun() -> erlang:delete_element(4, T) end},
             {"insert_element(5)", fun() -> erlang:insert_element(5, T, x) end},
             {"insert_element(0)", fun() -> erlang:insert_element(0, T, x) end},
             {"append_element(list)", fun() -> erlang:append_element([], x) end},
             {"size(atom)", fun() -> size(x) end}],
    [io:format("~s -> ~p~n", [N, t(F)]) || {N, F} <- Cases],
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
