-module(fmt_p_linebreak).
-export([main/0]).

%% ~p line breaking and indentation of long nested terms; ~p with field width (line length).

main() ->
    L = lists:seq(1, 60),
    io:format("~p~n", [L]),
    io:format("~p~n", [{L, L}]),
    Rec = {person, "Alice Wonderland", 30, [{address, "1 Long Street Name", "Some City", 12345},
                                          {phone, "+1-555-0100"}, {email, "alice@example.com"}],
           #{tags => [admin, user, tester, developer], score => 99.5, active => true}},
    io:format("~p~n", [Rec]),
    io:format("~p~n", [[Rec, Rec]]),
    io:format("~40p~n", [Rec]),
    io:format("~120p~n", [Rec]),
    io:format("prefix text: ~p~n", [L]),
    Words = [lists:duplicate(N, $x) || N <- lists:seq(1, 15)],
    io:format("~p~n", [Words]),
    io:format("~p~n", [list_to_tuple(Words)]),
    io:format("~p~n", [maps:from_list([{N, lists:duplicate(N, $y)} || N <- lists:seq(1, 12)])]),
    io:format("~p~n", [[<<"binary number one">>, <<"binary number two">>, <<"binary number three">>, <<"four">>, <<"five">>]]),
    Nest = lists:foldl(fun(I, Acc) -> {level, I, Acc} end, bottom, lists:seq(1, 12)),
    io:format("~p~n", [Nest]),
    io:format("~p~n", [[[[[[[[[[[[[[[[[[deep]]]]]]]]]]]]]]]]]]),
    ok.
